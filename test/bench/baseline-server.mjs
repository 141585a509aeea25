// The baseline for the fan-out benchmark: a bare socket.io server on this machine. Every socket
// joins one room; POST /emit does io.to(room).emit and answers after it.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    io.to('group').emit('notification', { seq: 1 });
    res.writeHead(200).end('ok');
  } else res.writeHead(404).end();
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => socket.join('group'));
http.listen(port, '127.0.0.1', () => console.log('ready'));
