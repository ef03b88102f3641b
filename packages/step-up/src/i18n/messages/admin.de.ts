import type { AdminMessages } from "./admin.en";

export const adminDe: AdminMessages = {};
