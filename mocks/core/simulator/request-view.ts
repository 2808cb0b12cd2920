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

function party(value: unknown): PartyView {
  const contact = record(value);
  const address = record(contact['address']);
  const view: PartyView = { countryCode: text(address['countryCode']) ?? 'CN' };
  const fields: Record<string, unknown> = { ...address, name: contact['name'], phone: contact['phone'] };
  for (const key of ['name', 'phone', 'divisionCode', 'province', 'city', 'district', 'detail', 'postalCode'] as const) {
    const found = text(fields[key]);
    if (found !== undefined) view[key] = found;
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
