// A fully prerendered static app: every page is built to HTML and works from any static host.
export const prerender = true;
export const trailingSlash = 'always';
