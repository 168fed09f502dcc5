// Peer: a bare express 5 route answering what the emulator's /hello/user answers.
import express from 'express';

const app = express();
app.get('/hello/user', (_req, res) => void res.json({ message: 'Hello User' }));
const server = app.listen(0, '127.0.0.1', () => console.log(`bare express listening on http://127.0.0.1:${server.address().port}`));
