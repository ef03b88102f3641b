import type { AdminMessages } from "./admin.en";

export const adminAr: AdminMessages = {};
