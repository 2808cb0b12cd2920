// The facilities a simulated parcel passes: the outlet that accepts it, the sorting centres at both ends, an office
// of exchange for parcels that leave the mainland, and the outlet, locker or station that delivers it. Each is named
// from the division code and the city and district of an address — never from its street, detail or postal code,
// so that no event locates the recipient's home (ECDX-PRV-006, ECDX-TRK-015).
import type { EventLocation } from '../../../schemas/src/index.ts';
import type { PartyView } from './request-view.ts';

export type PlaceKind = 'outlet' | 'hub' | 'exchange' | 'locker' | 'station';

/** Where a mainland parcel without a usable division code is handled: only reachable through a fault. */
const FALLBACK_DIVISION = '110105';
const DIVISION = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}(\d{6})?$/;
/** The mainland office of exchange the mock routes international parcels through (上海浦东). */
const EXCHANGE_DIVISION = '310115';

/** A name fragment from the address text: short, and only when it is plain text (no digits, which could be a number). */
const label = (value: string | undefined): string => (value && value.length <= 20 && !/\d/.test(value) ? value : '');

const isMainland = (party: PartyView): boolean => party.countryCode === 'CN';

function county(party: PartyView): string {
  const code = party.divisionCode;
  return code && DIVISION.test(code) ? code.slice(0, 6) : FALLBACK_DIVISION;
}

/** The prefecture-level code (the city's sorting centre) of a county code: `110108` → `110100`. */
const prefecture = (countyCode: string): string => `${countyCode.slice(0, 4)}00`;

/** The location of a facility of `kind` serving `party`'s address. */
export function facilityFor(kind: PlaceKind, party: PartyView): EventLocation {
  const city = label(party.city) || label(party.province);
  const district = label(party.district);
  if (kind === 'exchange') {
    if (!isMainland(party))
      return {
        countryCode: party.countryCode,
        facilityCode: `EX-${party.countryCode}-IMPC`,
        facilityName: `${city || party.countryCode} International Mail Processing Centre`,
      };
    return { divisionCode: EXCHANGE_DIVISION, facilityCode: 'EX-310115-IX', facilityName: '上海国际快件监管中心' };
  }
  if (!isMainland(party)) {
    const names: Record<Exclude<PlaceKind, 'exchange'>, string> = {
      outlet: 'Delivery Station',
      hub: 'Sorting Centre',
      locker: 'Parcel Locker',
      station: 'Parcel Pick-up Point',
    };
    const code = { outlet: 'DS', hub: 'SC', locker: 'PL', station: 'PP' }[kind];
    return { countryCode: party.countryCode, facilityCode: `EX-${party.countryCode}-${code}`, facilityName: `${city || party.countryCode} ${names[kind]}` };
  }
  const code = county(party);
  switch (kind) {
    case 'hub':
      return { divisionCode: prefecture(code), facilityCode: `EX-${prefecture(code)}-SC`, facilityName: `${city || code}转运中心` };
    case 'outlet':
      return { divisionCode: code, facilityCode: `EX-${code}-01`, facilityName: `${city}${district || code}营业部` };
    case 'locker':
      return { divisionCode: code, facilityCode: `EX-${code}-L07`, facilityName: `${district || city || code}智能快递柜7号柜` };
    case 'station':
      return { divisionCode: code, facilityCode: `EX-${code}-S02`, facilityName: `${district || city || code}快递驿站2号站` };
  }
}

/** Whether the two addresses are served by the same sorting centre (same city, or the same foreign country). */
export function sameSortingCentre(a: PartyView, b: PartyView): boolean {
  if (isMainland(a) !== isMainland(b)) return false;
  if (!isMainland(a)) return a.countryCode === b.countryCode;
  return prefecture(county(a)) === prefecture(county(b));
}

/** Whether the parcel leaves or enters the mainland (customs, an office of exchange). */
export const crossesBorder = (sender: PartyView, recipient: PartyView): boolean => sender.countryCode !== recipient.countryCode;

/** A location without its division code: what the location-without-division-code fault sends. */
export function withoutDivisionCode(location: EventLocation): EventLocation {
  const { divisionCode: _dropped, ...rest } = location;
  return rest;
}
