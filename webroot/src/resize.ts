// Panels the user resizes by dragging their edge; each size is kept across visits (localStorage).
import { useCallback, useEffect, useState } from 'react';

/** A size in px between min and max: drag moves it (invert for a panel whose edge is on its left or top). */
export function useResizable(key: string, initial: number, min: number, max: number, axis: 'x' | 'y', invert = false) {
  const [size, setSize] = useState(() => {
    const kept = Number(localStorage.getItem('openutm.size.' + key));
    return kept >= min && kept <= max ? kept : initial;
  });
  useEffect(() => { localStorage.setItem('openutm.size.' + key, String(size)); }, [key, size]);
  const start = useCallback((e: React.PointerEvent) => {
    e.preventDefault();
    const from = axis === 'x' ? e.clientX : e.clientY;
    const base = size;
    const move = (m: PointerEvent) => {
      const delta = (axis === 'x' ? m.clientX : m.clientY) - from;
      setSize(Math.max(min, Math.min(max, base + (invert ? -delta : delta))));
    };
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, [axis, invert, max, min, size]);
  return [size, start, setSize] as const;
}
