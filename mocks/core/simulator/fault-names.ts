// The names of the faults that the shipping and tracking code asks about with `mock.fault(name)`. They live here,
// beside the code that commits them, so that mocks/faults/{shipping,tracking}.ts can describe them without the
// operations importing the fault catalogue (which imports the operations for its response transforms).

/** Faults committed by the shipping operations (mocks/faults/shipping.ts describes them). */
export const shippingFault = {
  waybillReusedForSameOrder: 'waybill-reused-for-same-order',
  acceptForeignCarrierCode: 'accept-foreign-carrier-code',
  acceptProhibitedContents: 'accept-prohibited-contents',
  requirePackageWeight: 'require-package-weight',
  cancelAfterAcceptance: 'cancel-after-acceptance',
  repeatCancellationRestamped: 'repeat-cancellation-restamped',
  shipmentReadableByOtherPlatforms: 'shipment-readable-by-other-platforms',
  acceptLapsedConsent: 'accept-lapsed-consent',
  consentDemandedForOrder: 'consent-demanded-for-order',
  ignoreSeparateConsentReference: 'ignore-separate-consent-reference',
} as const;

/** Faults committed by the trajectory simulator and the events endpoint (mocks/faults/tracking.ts describes them). */
export const trackingFault = {
  noSortingEvent: 'no-sorting-event',
  arrivalNodeDelivery: 'arrival-node-delivery',
  outForDeliveryWithPickupSubStatus: 'out-for-delivery-with-pickup-sub-status',
  sequenceWithGaps: 'sequence-with-gaps',
  eventIdsReusedAcrossWaybills: 'event-ids-reused-across-waybills',
  recordedBeforeOccurred: 'recorded-before-occurred',
  pageBoundarySkipsEvent: 'page-boundary-skips-event',
  limitIgnored: 'limit-ignored',
  limitAbove100Refused: 'limit-above-100-refused',
  invalidLimitServedDefault: 'invalid-limit-served-default',
  foreignCursorRestartsWalk: 'foreign-cursor-restarts-walk',
  cursorExpiresAfterAMinute: 'cursor-expires-after-a-minute',
  unknownWaybillEventsEmpty: 'unknown-waybill-events-empty',
  foreignWaybillEventsForbidden: 'foreign-waybill-events-forbidden',
  deliveredNotTerminal: 'delivered-not-terminal',
  eventAfterTerminal: 'event-after-terminal',
  locationWithoutDivisionCode: 'location-without-division-code',
  acceptanceWithoutRealNameCheck: 'acceptance-without-real-name-check',
  signatoryNameMaskedWrongly: 'signatory-name-masked-wrongly',
  courierPhoneMaskedWronglyInDescription: 'courier-phone-masked-wrongly-in-description',
  returnedLandlineMaskedWrongly: 'returned-landline-masked-wrongly',
  idNumberInDeliveryDescription: 'id-number-in-delivery-description',
  deliveryDescriptionWithAddress: 'delivery-description-with-address',
  courierPhoneUnmaskedInDescription: 'courier-phone-unmasked-in-description',
  cursorWithRecipientPhone: 'cursor-with-recipient-phone',
} as const;
