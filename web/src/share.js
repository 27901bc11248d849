// The Share and Embed buttons: a link to the experiment as it is (optionally
// with its trained weights), or an iframe snippet for a blog post. The text is
// copied with the Clipboard API and also shown, selected, in a field, for
// browsers and pages where copying is not allowed.
import { element } from './dom.js';
import { MAX_LINK_LENGTH } from './link.js';

// The embed's content at 720 px wide is about 900 px tall without controls and
// 1200 with a few: the snippet starts at that height (a host page that listens
// for nnfit:height then sets the exact one).
const EMBED_WIDTH = 720;
const embedHeight = (controlsShown) => (controlsShown === 0 ? 920 : 1240);

// Text for an HTML attribute value in double quotes.
function attribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export class SharePanel {
  // elements: { share, embed, withWeights, autoplay, shown, result, label, text, message };
  // linkFor({ withWeights, embed, autoplay, show }) resolves to { url, weightCount, caveat } (an absolute
  // URL, and a sentence to add when the link cannot replay the run exactly);
  // describe() names the experiment for the iframe's title. schema: the fields an embed may show.
  constructor(elements, { linkFor, describe }, schema) {
    this.elements = elements;
    this.linkFor = linkFor;
    this.describe = describe;
    this.showBoxes = schema.map(({ name, label }) => {
      const box = element('input', { type: 'checkbox', id: `embed-show-${name}`, value: name });
      elements.shown.append(element('div', { className: 'field-check' }, [box, element('label', { htmlFor: box.id, textContent: label })]));
      return box;
    });
    elements.share.addEventListener('click', () => this.#offer(false));
    elements.embed.addEventListener('click', () => this.#offer(true));
  }

  async #offer(embed) {
    const { withWeights, autoplay, result, label, text, message } = this.elements;
    const show = this.showBoxes.filter((box) => box.checked).map((box) => box.value);
    const { url, weightCount, caveat } = await this.linkFor({ withWeights: withWeights.checked, embed, autoplay: autoplay.checked, show });
    result.hidden = false;
    if (url.length > MAX_LINK_LENGTH) {
      label.textContent = 'Too big to share';
      text.value = '';
      message.textContent = `With its ${weightCount} trained weights this link would be ${url.length} characters, more than ` +
        `the ${MAX_LINK_LENGTH} a link may have. Share it without the weights, or with a smaller network.`;
      return;
    }
    const snippet = embed
      ? `<iframe src="${attribute(url)}" title="${attribute(`nnfit: ${this.describe()}`)}" width="${EMBED_WIDTH}" ` +
        `height="${embedHeight(show.length)}" loading="lazy" style="border: 0; max-width: 100%"></iframe>`
      : url;
    label.textContent = embed ? 'Embed code' : 'Link';
    text.value = snippet;
    text.focus();
    text.select();
    try {
      await navigator.clipboard.writeText(snippet);
      message.textContent = embed ? 'Embed code copied. Paste it into your page.' : 'Link copied.';
    } catch {
      message.textContent = 'Copy it from the field (Ctrl+C or ⌘C): this page may not use the clipboard.';
    }
    if (caveat) message.textContent += ` ${caveat}`;
  }
}
