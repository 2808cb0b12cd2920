// The people in a trajectory: the couriers (invented by the simulator, deterministic per waybill) and whoever signs
// for the parcel. Everyone appears masked by rules M1 and M2 (ECDX-PRV-001, -002, -007) through schemas/masking.ts;
// the masking faults of mocks/faults/tracking.ts bend exactly one rule each.
import { maskLandline, maskMobile, maskName } from '../../../schemas/masking.ts';
import type { SeededRandom } from './random.ts';

const COURIER_NAMES = ['李明', '王建国', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄海涛', '周敏', '吴晓东', '欧阳娜娜', '孙立'] as const;
const PROXY_NAMES = ['陈小红', '刘芳', '马国强', '林涛', '何丽华', '郭明'] as const;
const MOBILE_PREFIXES = ['139', '158', '177', '186', '199'] as const;

export interface Courier {
  name: string;
  phone: string;
  employeeRef: string;
}

/** An invented courier: a name, a mobile number and an employee reference, all from the seeded random source. */
export function inventCourier(random: SeededRandom): Courier {
  const phone = `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  return { name: random.pick(COURIER_NAMES), phone, employeeRef: `EX-C${String(random.int(1, 9999)).padStart(4, '0')}` };
}

export const inventProxyName = (random: SeededRandom): string => random.pick(PROXY_NAMES);

/**
 * How a name is masked: by rule M1, or as a careless carrier does it — one `*` between the first and the last
 * character whatever the length (`张三` → `张*三`, `欧阳娜娜` → `欧*娜`), or the first character and one `*` whatever
 * the length (`张小三` → `张*`, `欧阳娜娜` → `欧*`), which is right only for a name of two characters.
 */
export type NameMasking = 'M1' | 'one-star-between' | 'first-and-one-star';

/** The name masked as `masking` says, or undefined when it cannot be masked (a first or last character `*`). */
export function maskedName(name: string | undefined, masking: NameMasking = 'M1'): string | undefined {
  if (name === undefined) return undefined;
  try {
    const correct = maskName(name);
    const chars = Array.from(name.trim());
    if (masking === 'one-star-between') return chars.length >= 2 ? `${chars[0]}*${chars[chars.length - 1]}` : correct;
    if (masking === 'first-and-one-star') return `${chars[0]}*`;
    return correct;
  } catch {
    return undefined;
  }
}

/** Rule M2 (`139****0001`); with `wrongly`, four digits kept in front and three behind (`1390****001`). */
export function maskedMobile(mobile: string, wrongly = false): string {
  const correct = maskMobile(mobile);
  return wrongly ? `${mobile.slice(0, 4)}****${mobile.slice(8)}` : correct;
}

/**
 * A telephone number of the shipping data as an event may show it: a mobile by M2, a landline by M3 (with
 * `wronglyLandline`, the last 4 subscriber digits and the extension kept: `0571-****1234`), anything else not at all.
 */
export function maskedPhone(phone: string | undefined, wronglyLandline = false): string | undefined {
  if (phone === undefined) return undefined;
  if (/^1[3-9]\d{9}$/.test(phone)) return maskMobile(phone);
  try {
    const correct = maskLandline(phone);
    if (!wronglyLandline) return correct;
    const [area, subscriber, extension] = phone.split('-') as [string, string, string | undefined];
    return `${area}-${'*'.repeat(subscriber.length - 4)}${subscriber.slice(-4)}${extension ? `-${extension}` : ''}`;
  } catch {
    return undefined;
  }
}

export const SIGNATORY_RELATION_LABEL = {
  SELF: '本人',
  FAMILY: '家人',
  COLLEAGUE: '同事',
  RECEPTION: '前台',
  PROPERTY_MANAGEMENT: '物业',
  NEIGHBOUR: '邻居',
  OTHER: '他人',
} as const;
