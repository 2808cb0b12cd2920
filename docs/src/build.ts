// Placeholder: the docs generator is being written.
export async function generateDocs(): Promise<Map<string, string>> {
  return new Map();
}
