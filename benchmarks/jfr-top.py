#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: `python3 jfr-top.py file.jfr [thread-substring] [depth]`.

Counts, for each sample, the top frame and (with depth > 1) the first frame whose class is in
one of Plazo's, Spring Data's, mongo-java-server's or Kafka's packages, to show what bounds a run."""
import re, subprocess, sys, collections
path = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else ''
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', path], capture_output=True, text=True).stdout
top, plazo, threads = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for event in out.split('jdk.ExecutionSample')[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', event)
    name = m.group(1) if m else '?'
    if thread and thread not in name:
        continue
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
    if not frames:
        continue
    total += 1
    threads[re.sub(r'\d+', 'N', name)] += 1
    top[frames[0]] += 1
    for f in frames:
        if f.startswith(('org.plazo', 'de.bwaldvogel.mongo.backend', 'org.quartz', 'com.github.kagkarlsson')):
            plazo[f] += 1
            break
print(f'{total} samples' + (f' on threads matching {thread!r}' if thread else ''))
print('\nby thread:'); [print(f'{c:6d} {100*c/total:5.1f}% {n}') for n, c in threads.most_common(8)]
print('\ntop frames:'); [print(f'{c:6d} {100*c/total:5.1f}% {n}') for n, c in top.most_common(15)]
print('\nfirst Plazo / stand-in / scheduler frame:'); [print(f'{c:6d} {100*c/total:5.1f}% {n}') for n, c in plazo.most_common(15)]
