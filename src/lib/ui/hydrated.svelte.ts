/**
 * True once the app runs in the browser. Prerendered HTML shows controls before the JavaScript that
 * handles them has started; they stay disabled until then so a pick or click is never silently lost.
 */
export const app = $state({ hydrated: false });
