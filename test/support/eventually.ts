/** Polls until `check` passes (it throws until then), or fails with its last error. */
export async function eventually(check: () => Promise<void>, timeoutMs = 20_000, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
