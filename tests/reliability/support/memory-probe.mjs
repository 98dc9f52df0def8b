// Preloaded (--import) into the server under test, which runs with --expose-gc: on the message
// 'memory' from the test over the IPC channel, it collects garbage fully and answers with the
// heap in use. The server's own code is untouched; the channel does not keep the process alive.
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
process.channel?.unref();
