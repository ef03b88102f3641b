"use client";

import { useId, type ReactNode } from "react";

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  /** Options still loading: the select is disabled and marked busy. */
  loading?: boolean;
  className?: string;
}

/**
 * A select whose label is tied by id rather than by wrapping: a wrapping label's text would
 * include every option's text, which muddles the accessible name.
 */
export function SelectField({ label, value, onChange, children, loading = false, className }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={loading} aria-busy={loading} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
