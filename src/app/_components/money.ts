const formatter = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMinor(amountMinor: number, currency: string): string {
  return `${formatter.format(amountMinor / 100)} ${currency}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function formatDate(date: Date | string): string {
  return dateFormat.format(new Date(date));
}
