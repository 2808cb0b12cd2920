// The privacy of tracking events (chapter Privacy §2, §3, §5): masked names (M1), mobiles (M2) and landlines (M3),
// no identity-document number, none of the recipient's contact or address details, courier and signatory only
// masked, and no personal data in pagination cursors. A trajectory is sensitive personal information (PIPL Art. 28).
//
// The checks read the shared journeys (kit/trajectory.ts): the harness knows what it sent — the recipient's
// name, mobile, privacy number, address detail and postal code, the sender's name and landline with extension — so
// it can tell a masked value from a wrongly masked one and find its own data again wherever it reappears.
import { maskLandline, maskName, isMaskedMobile, isMaskedName } from '../../../schemas/masking.ts';
import { defineCheck, defineGroup } from '../../harness/check.ts';
import type { Finding, TestContext } from '../../harness/context.ts';
import { scanForLeaks, type PrivacyLeak } from '../../harness/privacy-scan.ts';
import { stringsIn } from '../../kit/json.ts';
import { personalDataOf, personalDatumKind } from '../../kit/shipping-data.ts';
import {
  describeEvent,
  itemPointer,
  journeys,
  NAMESAKES,
  readJourneys,
  SENDER_LANDLINE,
  statusOf,
  walkEvents,
  wasReturned,
  type ServedEvent,
} from '../../kit/trajectory.ts';
import { joinTexts, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

/** The requirements bind both roles; these checks read a carrier's trajectories, on the test clock. */
const journeysOfACarrier = defineGroup({ role: 'carrier', needs: ['clock'] });
const JOURNEYS =
  'Reads the shared parcels after they travelled on the test clock: one `ecdx-happy-` parcel delivered to the ' +
  'recipient in person and one `ecdx-path-rejected-` parcel, which a deployment that offers that optional path ' +
  'returns to its sender (whose landline carries an extension).';

/** Members that hold identifiers or codes, never free text about people. */
const CODE_MEMBERS = new Set([
  'eventId',
  'waybillNo',
  'carrierCode',
  'facilityCode',
  'employeeRef',
  'divisionCode',
  'code',
  'scheme',
  'status',
  'subStatus',
  'node',
  'occurredAt',
  'recordedAt',
  'verifiedAt',
]);

/** Every free-text string of an event, with its pointer. */
const textsOf = (e: ServedEvent) => stringsIn(e).filter((s) => !CODE_MEMBERS.has(s.member));

/** `where` leaks nothing of `kind`; a leak fails with its JSON Pointer (the harness's privacy scanner). */
function expectNoLeaksOf(t: TestContext, value: unknown, where: Bilingual, kind: PrivacyLeak['kind']): void {
  const mobile = kind === 'mobile-number';
  const what = mobile ? M.anUnmaskedMobileNumber() : M.aResidentIdNumber();
  const leaks = scanForLeaks(value).filter((l) => l.kind === kind);
  t.expectNone(
    leaks.map((leak) => ({ message: M.leakFound({ where, what, masked: leak.masked, pointer: leak.pointer || '/' }), pointer: leak.pointer })),
    M.noLeakOf({ where, what: mobile ? M.unmaskedMobileNumber() : M.residentIdNumber() }),
  );
}

/** A kind of personal datum as a message names it: its name in English, its Chinese term. */

/** Something that looks like a masked mainland mobile (a run of digits and `*` starting with 1). */
const MASKED_MOBILE_LIKE = /(?<![\d*])1[\d*]{5,12}(?![\d*])/g;
/** Something that looks like a masked mainland landline (0 + area code, hyphen, digits and `*`, extension). */
const MASKED_LANDLINE_LIKE = /(?<![\d*])0\d{2,3}-[\d*]{3,}(?:-[\d*]+)?(?![\d*])/g;
const M3 = /^0\d{2,3}-\*{5,6}\d{2}$/;

const digits = (s: string): string => s.replace(/\D/g, '');
/** The text with separators people put inside numbers removed. */
const squeezed = (s: string): string => s.replace(/[\s\-()（）]/g, '');

/** The personal values of a request, by kind. */
function personal(request: Record<string, unknown>) {
  const data = personalDataOf(request);
  const values = (kind: string, role?: string) => data.filter((d) => d.kind === kind && (!role || d.pointer.startsWith(`/${role}/`))).map((d) => d.value);
  return { data, values };
}

export const trackingPrivacyChecks = [
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/names-masked',
    requirements: ['ECDX-PRV-001'],
    title: 'Names in tracking events are masked by rule M1',
    description:
      `${JOURNEYS} Besides, \`ecdx-happy-\` parcels to recipients named ${NAMESAKES.join(', ')} (3 and 4 characters, and ` +
      'characters outside the Basic Multilingual Plane). Courier and signatory names must have the form of rule M1; a ' +
      'signatory who is the recipient (relation SELF) must show exactly the M1 mask of the name the harness sent ' +
      `(${['张三', ...NAMESAKES].map((n) => `${n} → ${maskName(n)}`).join(', ')}); and neither the sender's nor the ` +
      "recipient's full name may appear anywhere in an event. At least one parcel must be signed for in person, or " +
      'rule M1 cannot be seen applied to a name the harness knows.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const findings: Finding[] = [];
      const signedInPerson: string[] = [];
      const roles = { courier: M.courier(), signatory: M.signatory() };
      for (const { label, request, events } of await readJourneys(t, await journeys(), { namesakes: true })) {
        const { values } = personal(request);
        const recipientName = values('name', 'recipient')[0];
        const names = values('name').filter((n) => [...n].length >= 2);
        events.forEach((e, i) => {
          for (const role of ['courier', 'signatory'] as const) {
            const name = (e[role] as { name?: unknown } | undefined)?.name;
            if (name !== undefined && !(typeof name === 'string' && isMaskedName(name)))
              findings.push({
                pointer: itemPointer(i, `/${role}/name`),
                message: M.nameNotM1({ parcel: label, event: describeEvent(e), role: roles[role], name: String(JSON.stringify(name)) }),
              });
          }
          const signatory = e['signatory'] as { name?: unknown; relation?: unknown } | undefined;
          if (signatory?.relation === 'SELF' && statusOf(e) === 'DELIVERED' && recipientName) {
            const expected = maskName(recipientName);
            signedInPerson.push(`${recipientName} → ${expected}`);
            if (signatory.name !== expected)
              findings.push({
                pointer: itemPointer(i, '/signatory/name'),
                message: M.signatoryNotM1OfName({
                  parcel: label,
                  event: describeEvent(e),
                  recipient: recipientName,
                  expected,
                  got: String(JSON.stringify(signatory.name)),
                }),
              });
          }
          for (const { pointer, text } of textsOf(e)) {
            if (names.some((n) => text.includes(n)))
              findings.push({
                pointer: itemPointer(i, pointer),
                message: M.nameInClear({ parcel: label, event: describeEvent(e), pointer }),
              });
          }
        });
      }
      if (findings.length === 0) t.precondition(signedInPerson.length > 0, M.noneSignedInPerson());
      t.expectNone(findings, M.namesMasked({ shown: joinTexts(signedInPerson) }));
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/mobiles-masked',
    requirements: ['ECDX-PRV-002'],
    title: 'Mobile numbers in tracking events are masked by rule M2',
    description:
      `${JOURNEYS} The courier's phone must be masked by rule M2 (138****5678), and every masked mobile number ` +
      "written in an event's text (a description naming the courier) must have that form: 3 digits, 4 `*`, 4 digits.",
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const findings: Finding[] = [];
      let phones = 0;
      let inText = 0;
      for (const { label, events } of await readJourneys(t, await journeys())) {
        events.forEach((e, i) => {
          const phone = (e['courier'] as { phone?: unknown } | undefined)?.phone;
          if (phone !== undefined) phones++;
          if (phone !== undefined && !(typeof phone === 'string' && isMaskedMobile(phone)))
            findings.push({
              pointer: itemPointer(i, '/courier/phone'),
              message: M.courierPhoneNotM2({ parcel: label, event: describeEvent(e), phone: String(JSON.stringify(phone)) }),
            });
          for (const { pointer, text } of textsOf(e)) {
            for (const m of text.matchAll(MASKED_MOBILE_LIKE)) {
              if (!m[0].includes('*')) continue;
              inText++;
              if (!isMaskedMobile(m[0]))
                findings.push({
                  pointer: itemPointer(i, pointer),
                  message: M.maskedMobileNotM2({ parcel: label, event: describeEvent(e), number: m[0], pointer }),
                });
            }
          }
        });
      }
      // Showing a courier's phone is allowed, not required: a trajectory without one gives rule M2 nothing to apply to.
      if (findings.length === 0 && phones + inText === 0) t.notApplicable(M.noMobileShown());
      t.expectNone(findings, M.mobilesMasked({ phones, inText }));
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/landlines-masked',
    requirements: ['ECDX-PRV-003'],
    title: 'Landline numbers in tracking events are masked by rule M3',
    description:
      `${JOURNEYS} Wherever an event shows a landline (the RETURNED event may give the sender's, ${SENDER_LANDLINE}), ` +
      `it must be masked by rule M3: the area code and the last 2 subscriber digits, the extension dropped ` +
      `(${maskLandline(SENDER_LANDLINE)}); the subscriber number must never appear in clear.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      const findings: Finding[] = [];
      const seen: string[] = [];
      for (const { label, request, events } of await readJourneys(t, j)) {
        const landlines = personal(request)
          .data.filter((d) => d.kind === 'phone' && /^0\d{2,3}-/.test(d.value))
          .map((d) => d.value);
        events.forEach((e, i) => {
          for (const { pointer, text } of textsOf(e)) {
            for (const m of text.matchAll(MASKED_LANDLINE_LIKE)) {
              if (!m[0].includes('*')) continue;
              seen.push(m[0]);
              const own = landlines.find((l) => m[0].startsWith(`${l.split('-')[0]}-`));
              if (!M3.test(m[0]))
                findings.push({
                  pointer: itemPointer(i, pointer),
                  message: M.maskedLandlineNotM3({
                    parcel: label,
                    event: describeEvent(e),
                    number: m[0],
                    pointer,
                    example: own ? maskLandline(own) : '010-******78',
                  }),
                });
              else if (own && m[0] !== maskLandline(own))
                findings.push({
                  pointer: itemPointer(i, pointer),
                  message: M.senderLandlineNotM3({ parcel: label, event: describeEvent(e), pointer, got: m[0], expected: maskLandline(own) }),
                });
            }
            if (landlines.some((l) => squeezed(text).includes(l.split('-')[1]!)))
              findings.push({
                pointer: itemPointer(i, pointer),
                message: M.landlineInClear({ parcel: label, event: describeEvent(e), pointer }),
              });
          }
        });
      }
      // No landline need be shown (and the rejected path is optional): then rule M3 has nothing to apply to.
      if (findings.length === 0 && seen.length === 0)
        t.notApplicable(
          M.noLandlineShown({
            why: wasReturned(j.rejected)
              ? M.returnedShowsNoLandline({ waybillNo: j.rejected.waybillNo, landline: SENDER_LANDLINE })
              : M.rejectedNotReturned({ waybillNo: j.rejected.waybillNo }),
          }),
        );
      t.expectNone(findings, M.landlinesMasked({ seen: seen.join(', ') }));
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/no-identity-numbers',
    requirements: ['ECDX-PRV-005'],
    title: 'No identity-document number in tracking events',
    description: `${JOURNEYS} Every event is scanned for checksum-valid GB 11643 resident identity numbers, in every member; the real-name check travels only as a status.`,
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys()))
        expectNoLeaksOf(t, { items: events }, M.eventsOf({ parcel: label }), 'resident-id');
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/no-recipient-contact-or-address',
    requirements: ['ECDX-PRV-006'],
    title: 'No recipient telephone, privacy number, address detail or postal code in tracking events',
    description:
      `${JOURNEYS} The harness searches every member of every event, free text included, for the recipient's ` +
      'mobile and privacy number (also when written with spaces or hyphens), the address detail and the postal code it sent.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, request, events } of await readJourneys(t, await journeys())) {
        const { values } = personal(request);
        const sought = [
          ...[...values('phone', 'recipient'), ...values('privacy-number', 'recipient')]
            .map(digits)
            .filter((d) => d.length >= 7)
            .map((d) => ({ what: M.telephoneOrPrivacyNumber(), found: (text: string) => squeezed(text).includes(d) })),
          ...values('address-detail', 'recipient')
            .map(squeezed)
            .filter((d) => d.length >= 4)
            .map((d) => ({ what: M.addressDetail(), found: (text: string) => squeezed(text).includes(d) })),
          ...values('postal-code', 'recipient').map((p) => ({ what: M.postalCode(), found: (text: string) => new RegExp(`(?<!\\d)${p}(?!\\d)`).test(text) })),
        ];
        const findings: Finding[] = [];
        events.forEach((e, i) => {
          for (const { pointer, text } of stringsIn(e).filter((s) => !['eventId', 'waybillNo', 'employeeRef', 'facilityCode'].includes(s.member))) {
            for (const s of sought)
              if (s.found(text))
                findings.push({
                  pointer: itemPointer(i, pointer),
                  message: M.recipientDataAppears({ parcel: label, event: describeEvent(e), what: s.what, pointer }),
                });
          }
        });
        t.expectNone(findings, M.noRecipientData({ parcel: label }));
      }
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/courier-signatory-masked',
    requirements: ['ECDX-PRV-007'],
    title: 'Courier and signatory appear only masked; no unmasked mobile number anywhere in an event',
    description:
      `${JOURNEYS} Courier name and phone and signatory name must be masked values (MaskedName, MaskedMobileNumber), ` +
      'and the privacy scanner must find no unmasked mainland mobile number in any member of any event.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      for (const { label, events } of await readJourneys(t, await journeys())) {
        const findings: Finding[] = [];
        events.forEach((e, i) => {
          const courier = e['courier'] as { name?: unknown; phone?: unknown } | undefined;
          if (courier !== undefined && !(typeof courier.name === 'string' && isMaskedName(courier.name)))
            findings.push({ pointer: itemPointer(i, '/courier/name'), message: M.courierNameNotMasked({ parcel: label, event: describeEvent(e) }) });
          if (courier !== undefined && !(typeof courier.phone === 'string' && isMaskedMobile(courier.phone)))
            findings.push({ pointer: itemPointer(i, '/courier/phone'), message: M.courierPhoneNotMasked({ parcel: label, event: describeEvent(e) }) });
          const signatory = e['signatory'] as { name?: unknown } | undefined;
          if (signatory !== undefined && !(typeof signatory.name === 'string' && isMaskedName(signatory.name)))
            findings.push({ pointer: itemPointer(i, '/signatory/name'), message: M.signatoryNameNotMasked({ parcel: label, event: describeEvent(e) }) });
        });
        t.expectNone(findings, M.couriersMasked({ parcel: label }));
        expectNoLeaksOf(t, { items: events }, M.eventsOf({ parcel: label }), 'mobile-number');
      }
    },
  }),
  defineCheck({
    group: journeysOfACarrier,
    id: 'tracking-privacy/cursor-without-personal-data',
    requirements: ['ECDX-PRV-016'],
    title: 'Pagination cursors carry no personal data',
    description:
      `${JOURNEYS} Walks both trajectories one and two events a page and examines every nextCursor — as given, ` +
      'percent-decoded and base64-decoded — for unmasked mobile and identity numbers and for the names, ' +
      'telephone numbers, address details and postal codes the harness sent.',
    uses: { journeys },
    async run(t, { journeys }) {
      t.requireTestMode();
      const j = await journeys();
      const cursors: string[] = [];
      for (const { waybillNo } of [j.happy, j.rejected]) {
        for (const limit of [1, 2]) cursors.push(...(await walkEvents(t, waybillNo, limit, 40)).cursors);
      }
      t.precondition(cursors.length > 0, M.noCursors());
      const data = [...personalDataOf(j.happy.request), ...personalDataOf(j.rejected.request)];
      const findings: Finding[] = [];
      cursors.forEach((cursor, i) => {
        for (const [how, text] of decodings(cursor)) {
          const where = how ? M.cursorDecodedAt({ index: i + 1, count: cursors.length, how }) : M.cursorAt({ index: i + 1, count: cursors.length });
          for (const leak of scanForLeaks(text))
            findings.push({
              message: M.cursorUnmasked({ where, kind: leak.kind === 'mobile-number' ? W.mobileNumber() : M.residentIdNumber(), masked: leak.masked }),
            });
          const found = data.find((d) =>
            ['phone', 'privacy-number'].includes(d.kind) ? digits(d.value).length >= 7 && digits(text).includes(digits(d.value)) : text.includes(d.value),
          );
          if (found) findings.push({ message: M.cursorPersonalData({ where, kind: personalDatumKind(found.kind), pointer: found.pointer }) });
        }
      });
      t.expectNone(findings, M.cursorsClean({ n: cursors.length }));
    },
  }),
];

/** The cursor as given, percent-decoded, and base64(url)-decoded when that yields text. */
function decodings(cursor: string): [Bilingual | undefined, string][] {
  const out: [Bilingual | undefined, string][] = [[undefined, cursor]];
  try {
    const decoded = decodeURIComponent(cursor);
    if (decoded !== cursor) out.push([M.percentDecoded(), decoded]);
  } catch {
    // not percent-encoded
  }
  if (/^[A-Za-z0-9+/_-]{8,}={0,2}$/.test(cursor)) {
    const text = Buffer.from(cursor.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (!text.includes('\uFFFD')) out.push([M.base64Decoded(), text]);
  }
  return out;
}
