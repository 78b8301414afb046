export function patchAdapterPg(root: string): string[];
