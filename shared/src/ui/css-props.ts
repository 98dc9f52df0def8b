import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Shared by the three UIs (which depend on Lit; the server does not load this file).
 * Inline styles that the Content-Security-Policy allows: `style=${cssProps({ '--agency': c })}`
 * sets each property through the CSSOM (element.style.setProperty), which CSP does not govern.
 * A style attribute, as Lit's styleMap writes on its first render, would be refused without
 * 'unsafe-inline'. Names are CSS names: `max-width`, `--agency`.
 */
class CssProps extends Directive {
  private _names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('cssProps belongs in style=${…}');
  }

  render(_props: Readonly<Record<string, string>>): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [Readonly<Record<string, string>>]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this._names) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this._names = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssProps);
