// Types for ./demo.mjs.
export const DEMO_PASSWORD: string;
