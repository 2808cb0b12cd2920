// Shard 3 of the matrix in `npm test` (matrix-shard.ts says why it is cut).
import { describeMatrixShard } from './matrix-shard.ts';

describeMatrixShard(3, 4);
