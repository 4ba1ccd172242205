package org.plazo.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a local port that can be cut: {@link #cut()} closes every open
 * connection and, until {@link #restore()}, closes each new one at once (counting them),
 * so that the server behind it is unreachable as if the network had failed.
 */
final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ServerSocket listener;

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean cut;

	TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = listen(0);
		accept(this.listener);
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/** Closes every connection, and every new one until {@link #restore()}. */
	void cut() {
		this.refused.set(0);
		this.cut = true;
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	void restore() {
		this.cut = false;
	}

	/** How many connections were tried, and refused, since the last cut. */
	int refused() {
		return this.refused.get();
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.listener);
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private void accept(ServerSocket server) {
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					if (this.cut) {
						this.refused.incrementAndGet();
						closeQuietly(client);
						continue;
					}
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.sockets.add(client);
					this.sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// Cut, or the target refused: the client sees its connection fail.
				}
			}
		}, "tcp-proxy-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// Closed by either side, or cut.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "tcp-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Already closed.
		}
	}

}
