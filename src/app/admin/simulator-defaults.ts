/** The demo's simulators start on its most-guarded call, where the policies have the most to say. */
export const SIMULATOR_PROCEDURE = "transfers.create";
