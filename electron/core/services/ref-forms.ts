// The reference forms over the open register; the forms themselves live in ../ref-forms.ts.
import type { Core } from '../core';
import { buildRefForms } from '../ref-forms';

export { formOf, partnerNames, type RefForms } from '../ref-forms';

export function refForms(core: Core) {
  return buildRefForms((kind) => core.refs.list(kind, true, false));
}
