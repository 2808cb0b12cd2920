// Shard 1 of the matrix in `npm test` (matrix-shard.ts says why it is cut).
import { describeMatrixShard } from './matrix-shard.ts';

describeMatrixShard(1, 2);
