// The keyboard: `/` to search, Ctrl+Z (⌘Z) to undo, and on the selected node E to expand, P to pin and
// Delete to hide. Keys typed into a field are the field's.
import type { ExplorerController } from '../explorer/controller.ts';

export function bindKeys(controller: ExplorerController, focusSearch: () => void): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    const node = controller.selectedNode();
    const key = event.key.toLowerCase();
    if (event.key === '/') {
      event.preventDefault();
      focusSearch();
    } else if ((event.ctrlKey || event.metaKey) && key === 'z') {
      event.preventDefault();
      controller.undo();
    } else if (node && key === 'e') void controller.expand(node);
    else if (node && key === 'p') controller.togglePin(node);
    else if (node && (event.key === 'Delete' || event.key === 'Backspace')) controller.hide(node);
  });
}
