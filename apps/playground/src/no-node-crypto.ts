// Stands in for node:crypto in the browser. The provider packages' webhook *verifiers* use it; the page
// only calls their converters, so nothing here runs, and the production build drops it (the test checks).
// Without it the dev server would fail to load the packages at all: their named imports need a module
// that has those names.
function unavailable(): never {
  throw new Error('Webhook signature checks need Node; the playground only converts payloads.');
}

export const createHash = unavailable;
export const createHmac = unavailable;
export const createPublicKey = unavailable;
export const generateKeyPairSync = unavailable;
export const randomBytes = unavailable;
export const randomUUID = unavailable;
export const sign = unavailable;
export const timingSafeEqual = unavailable;
export const verify = unavailable;
export const X509Certificate = unavailable;
