// Who the judging counterparty is and how it writes time: the demo carrier or the demo platform of the published
// demo credentials (chapter Security, Appendix A), stating times in China Standard Time as the exchange's examples do.
export { DEMO_CARRIER_CODE } from '../../../protocol/index.ts';

/** An instant (epoch ms) as an ECDX Timestamp with the +08:00 offset. */
export function offsetTimestamp(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
