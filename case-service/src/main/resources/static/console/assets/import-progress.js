// Polls an import's progress and reloads the page when it has finished. The page works
// without it: it then refreshes itself every few seconds.
(function () {
	var bar = document.getElementById('import-progress');
	if (!bar) { return; }
	var url = bar.getAttribute('data-status');
	function poll() {
		fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
			.then(function (response) { return response.ok ? response.json() : null; })
			.then(function (status) {
				if (!status) { return; }
				if (status.finished) { window.location.reload(); return; }
				bar.value = status.percent;
				document.getElementById('import-state').textContent = status.state;
				document.getElementById('import-rows').textContent = status.processedRows + ' / ' + status.totalRows;
				setTimeout(poll, 1500);
			})
			.catch(function () { setTimeout(poll, 5000); });
	}
	setTimeout(poll, 1000);
})();
