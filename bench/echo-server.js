// SPDX-License-Identifier: MIT
// The WebSocket floor for bench/run: the npm `ws` package echoing every message, nothing else.
// Usage: node echo-server.js [port]   (prints "listening on http://127.0.0.1:PORT")
'use strict';
const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2] || 0), perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
wss.on('listening', () => console.log(`listening on http://127.0.0.1:${wss.address().port}`));
