import { useEffect, useState, type RefObject } from 'react';
import { ASK_MAX } from './ask-word';

interface Selected {
  text: string;
  top: number;
  left: number;
}

/**
 * Text chosen inside the lesson's Markdown (1–60 characters), with where to show the button. The choice
 * stays until the person taps elsewhere (tapping the button itself clears the selection on phones).
 */
export function useLessonSelection(
  root: RefObject<HTMLDivElement | null>,
  box: RefObject<HTMLSpanElement | null>,
): [Selected | null, () => void] {
  const [selected, setSelected] = useState<Selected | null>(null);
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
      if (!selection || selection.isCollapsed || !text || text.length > ASK_MAX || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      const container = range.commonAncestorContainer;
      const element = container instanceof Element ? container : container.parentElement;
      if (!element || !root.current?.contains(element) || !element.closest('.markdown')) return;
      const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
      const width = document.documentElement.clientWidth || window.innerWidth;
      setSelected({
        text,
        top: (rect?.bottom ?? 0) + window.scrollY + 12,
        left: Math.min(Math.max(8, (rect?.left ?? 0) + window.scrollX), Math.max(8, width - 288)),
      });
    };
    const onPointerDown = (event: PointerEvent) => {
      if (box.current && event.target instanceof Node && box.current.contains(event.target)) return;
      setSelected(null);
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [root, box]);
  return [selected, () => setSelected(null)];
}
