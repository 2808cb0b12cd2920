// What the simulator reads from the shipping data. The request is normally schema-valid, but a fault
// (accept-invalid-shipping-data) lets anything through, so every member is read defensively.

export interface PartyView {
  name?: string;
  phone?: string;
  countryCode: string;
  divisionCode?: string;
  province?: string;
  city?: string;
  district?: string;
  detail?: string;
  postalCode?: string;
}

export interface RequestView {
  platformOrderId?: string;
  service?: string;
  sender: PartyView;
  recipient: PartyView;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * What a member of an address may be for the simulator to build places and events from it: within the bounds of
 * Address (the shape of a code, the length of a name), so that an event made from data a fault let through is still
 * a valid event — the fault breaks the rule it names, not the trajectory.
 */
const FITS: Record<'name' | 'phone' | 'divisionCode' | 'province' | 'city' | 'district' | 'detail' | 'postalCode', (v: string) => boolean> = {
  name: (v) => v.length <= 64,
  phone: (v) => v.length <= 32,
  divisionCode: (v) => /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}(\d{6})?$/.test(v),
  province: (v) => v.length <= 32,
  city: (v) => v.length <= 64,
  district: (v) => v.length <= 64,
  detail: (v) => v.length <= 200,
  postalCode: (v) => v.length <= 12,
};

function party(value: unknown): PartyView {
  const contact = record(value);
  const address = record(contact['address']);
  const country = text(address['countryCode']);
  const view: PartyView = { countryCode: country !== undefined && /^[A-Z]{2}$/.test(country) ? country : 'CN' };
  const fields: Record<string, unknown> = { ...address, name: contact['name'], phone: contact['phone'] };
  for (const key of Object.keys(FITS) as (keyof typeof FITS)[]) {
    const found = text(fields[key]);
    if (found !== undefined && FITS[key](found)) view[key] = found;
  }
  return view;
}

export function viewRequest(request: unknown): RequestView {
  const body = record(request);
  const view: RequestView = { sender: party(body['sender']), recipient: party(body['recipient']) };
  const orderId = text(body['platformOrderId']);
  const service = text(body['service']);
  if (orderId !== undefined) view.platformOrderId = orderId;
  if (service !== undefined) view.service = service;
  return view;
}
