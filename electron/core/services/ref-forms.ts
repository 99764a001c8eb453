// The reference forms over the open register; the forms themselves live in ../ref-forms.ts.
import type { Core } from '../core';
import { buildRefForms, REF_FORM_KINDS } from '../ref-forms';
import { inOrder } from '../in-order';

export { formOf, partnerNames, type RefForms } from '../ref-forms';

export async function refForms(core: Core) {
  return buildRefForms((await inOrder(REF_FORM_KINDS, (kind) => core.refs.list(kind, true, false))).flat());
}
