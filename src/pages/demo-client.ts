/**
 * The demo page's behaviour, served as `/demo.js` (the page allows only
 * same-origin scripts): example questions fill the widget and ask; the copy
 * button copies the embed snippet.
 */
document.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  const example = target?.closest?.('button[data-q]');
  if (example) {
    const widget = document.querySelector('citeqa-ask') as (HTMLElement & { ask(q?: string): void }) | null;
    if (!widget) return;
    void customElements.whenDefined('citeqa-ask').then(() => {
      widget.ask(example.getAttribute('data-q') ?? '');
      widget.scrollIntoView({ block: 'nearest' });
    });
    return;
  }
  const copy = target?.closest?.('button[data-copy]');
  if (copy) {
    const code = document.getElementById(copy.getAttribute('data-copy') ?? '');
    if (!code || !navigator.clipboard) return;
    void navigator.clipboard.writeText(code.textContent ?? '').then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  }
});
