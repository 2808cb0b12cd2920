// A bench child: the reference mock alone in its process (`tsx bench/mock-process.ts carrier|platform`). It sends
// its URL to the parent over IPC and stops when the parent disconnects or kills it.
import { startMockServer } from '../mocks/server.ts';

const role = process.argv[2] === 'platform' ? 'platform' : 'carrier';
const server = await startMockServer({ role, port: 0, host: '127.0.0.1' });
process.send!({ url: server.url });
process.once('disconnect', () => void server.close().then(() => process.exit(0)));
