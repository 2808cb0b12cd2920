// The description of each simulated event, in the words Chinese carriers use. Free text is where personal data
// leaks (ECDX-PRV-006, -007), so every person appears masked, every place is a facility, and the privacy faults of
// mocks/faults/tracking.ts add their leak here and nowhere else.
import { gb11643CheckCharacter } from '../../../schemas/identifiers.ts';
import type { Switch } from '../switches.ts';
import type { Story } from './paths.ts';
import { maskedMobile, maskedName, maskedPhone, SIGNATORY_RELATION_LABEL, type Courier } from './people.ts';
import type { RequestView } from './request-view.ts';

/** A checksum-valid, fictitious resident ID number: what the id-number-in-delivery-description fault leaks. */
const LEAKED_RESIDENT_ID = `11010519491231002${gb11643CheckCharacter('11010519491231002')}`;

const MAX_DESCRIPTION = 500;

export interface StoryContext {
  story: Story | 'orderCreated' | 'cancelled' | 'returnAfterDelivery';
  facility?: string;
  /** The facility the parcel leaves for, where the story names it. */
  next?: string;
  courier?: Courier;
  signatory?: { name: string; relation: keyof typeof SIGNATORY_RELATION_LABEL };
  afterException?: boolean;
  request: RequestView;
  fault: (name: Switch) => boolean;
}

function courierText(ctx: StoryContext, role: string): string {
  const c = ctx.courier;
  if (!c) return '';
  const name = maskedName(c.name) ?? '';
  const phone =
    ctx.fault('courier-phone-unmasked-in-description') && role === '派送员'
      ? c.phone
      : maskedMobile(c.phone, ctx.fault('courier-phone-masked-wrongly-in-description'));
  return `，${role}：${name}（${phone}）`;
}

function signedBy(ctx: StoryContext): string {
  const s = ctx.signatory;
  if (!s) return '';
  return s.relation === 'SELF' ? `，签收人：${s.name}（本人签收）` : `，签收人：${s.name}（${SIGNATORY_RELATION_LABEL[s.relation]}代收）`;
}

function returnedTo(ctx: StoryContext): string {
  const sender = ctx.request.sender;
  const name = maskedName(sender.name);
  const phone = maskedPhone(sender.phone, ctx.fault('returned-landline-masked-wrongly'));
  return `快件已退回寄件人并签收${name ? `，签收人：${name}` : ''}${phone ? `，联系电话：${phone}` : ''}`;
}

/** What a delivery event says, with the leaks the delivery faults add. */
function deliveredText(ctx: StoryContext, base: string): string {
  let text = base;
  if (ctx.fault('id-number-in-delivery-description')) text += `，已核验签收人身份证 ${LEAKED_RESIDENT_ID}`;
  if (ctx.fault('delivery-description-with-address')) {
    const { detail, postalCode } = ctx.request.recipient;
    if (detail) text += `，投递地址：${detail}${postalCode ? `（${postalCode}）` : ''}`;
  }
  return text;
}

export function describe(ctx: StoryContext): string {
  const f = `【${ctx.facility ?? ''}】`;
  const next = ctx.next ? `，下一站【${ctx.next}】` : '';
  const text = ((): string => {
    switch (ctx.story) {
      case 'orderCreated':
        return '运单已生成，等待快递员揽收';
      case 'cancelled':
        return '运单已取消';
      case 'accepted':
        return `快件已由${f}揽收${courierText(ctx, '揽收员')}`;
      case 'departOutlet':
        return `快件已从${f}发出${next}`;
      case 'sortOrigin':
        return `快件已到达${f}，完成分拣`;
      case 'departHub':
        return `快件已从${f}发出${next}`;
      case 'sortExchange':
        return `快件已到达${f}，等待出口清关`;
      case 'exportCleared':
        return `快件已在${f}完成出口清关`;
      case 'departExchange':
        return `快件已从${f}发出，正在国际运输途中`;
      case 'arriveDestCity':
        return `快件已到达目的城市${f}`;
      case 'importCleared':
        return `快件已在${f}完成进口清关`;
      case 'sortDest':
        return `快件已在${f}完成分拣${next}`;
      case 'arriveOutlet':
        return `快件已到达${f}`;
      case 'outForDelivery':
        return `快件正在派送中${courierText(ctx, '派送员')}`;
      case 'delivered':
        return deliveredText(ctx, `${ctx.afterException ? '快件经再次派送' : '快件'}已签收${signedBy(ctx)}`);
      case 'inLocker':
        return `快件已放入${f}，请凭取件码取件`;
      case 'inStation':
        return `快件已到达${f}，请凭取件码取件`;
      case 'collected':
        return deliveredText(ctx, `快件已从${f}取出，已签收${signedBy(ctx)}`);
      case 'attemptFailed':
        return '派送未成功：电话无人接听，将于次日再次派送';
      case 'rejected':
        return '收件人拒收快件，快件将退回寄件人';
      case 'returnDepart':
        return `快件退回中，已从${f}发出`;
      case 'returnArrive':
        return `快件退回中，已到达${f}`;
      case 'returned':
        return returnedTo(ctx);
      case 'lost':
        return '快件在运输途中丢失，我们正在为您办理理赔';
      case 'damaged':
        return `快件在${f}分拣时外包装破损，已重新包装后继续转运`;
      case 'stalled':
        return `快件在${f}滞留，运输延误，我们正在处理`;
      case 'returnAfterDelivery':
        return '快件退回中：收件人签收后申请退货';
    }
  })();
  return clip(text);
}

/** At most 500 UTF-16 units (the stricter count of the two validators), never splitting a surrogate pair. */
function clip(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > MAX_DESCRIPTION - 1) break;
    out += ch;
  }
  return `${out}…`;
}
