import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/checkbox';
import '@vaadin/number-field';

/**
 * The classifier's counts since start-up (refreshed every second while shown): consumed, written, dead-lettered
 * (per reason), rules loaded, per tactic and per technique; and the sample-event generator, switched here.
 */
export class QwcClassifierDashboard extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: block; padding: 0 1rem 1rem; }
        .tiles { display: flex; flex-wrap: wrap; gap: .8rem; margin: .8rem 0; }
        .tile { border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-m);
                padding: .4rem .9rem; min-width: 8rem; }
        .tile b { display: block; font-size: 1.5rem; font-variant-numeric: tabular-nums; }
        h3 { margin: 1.2rem 0 .4rem; }
        table { border-collapse: collapse; }
        td, th { padding: .15rem .7rem; border-bottom: 1px solid var(--lumo-contrast-10pct); text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .generator { display: flex; align-items: baseline; gap: .8rem; }
        .error { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _summary: { state: true },
        _error: { state: true },
        _rate: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), 1000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getSummary()
            .then(response => { this._summary = response.result; this._error = null; })
            .catch(error => { this._error = JSON.stringify(error?.error ?? error); });
    }

    _setGenerator(on) {
        const rate = this._rate ?? this._summary?.generator?.rate ?? 0;
        this.jsonRpc.setGenerator({ on: on, rate: rate }).then(() => this._refresh());
    }

    render() {
        const s = this._summary;
        if (!s) {
            return html`<p class="${this._error ? 'error' : ''}">${this._error ?? 'Loading…'}</p>`;
        }
        const reasons = Object.entries(s.deadLetteredByReason ?? {}).map(([r, n]) => `${r}: ${n}`).join(', ');
        return html`
            ${this._error ? html`<p class="error">${this._error}</p>` : ''}
            <div class="tiles">
                <div class="tile">consumed<b>${s.consumed}</b></div>
                <div class="tile">written<b>${s.written}</b></div>
                <div class="tile" title="${reasons}">dead-lettered<b>${s.deadLettered}</b></div>
                <div class="tile">rules loaded<b>${s.rulesLoaded}</b>${s.rulesUnsupported ? html`+${s.rulesUnsupported} unsupported` : ''}</div>
                <div class="tile">generator<b>${s.generator.running ? `${s.generator.rate}/s` : 'off'}</b></div>
            </div>
            <h3>Generator</h3>
            <div class="generator">
                <vaadin-checkbox label="publishing sample events to raw-events" .checked="${s.generator.running}"
                    @change="${e => this._setGenerator(e.target.checked)}"></vaadin-checkbox>
                <vaadin-number-field label="events/s" min="0" .value="${String(this._rate ?? s.generator.rate)}"
                    @change="${e => { this._rate = parseFloat(e.target.value) || 0; }}"></vaadin-number-field>
                <vaadin-button @click="${() => this._setGenerator(true)}">Apply rate</vaadin-button>
            </div>
            <h3>Per tactic</h3>
            <table>
                <tr><th>tactic</th><th>events</th></tr>
                ${Object.entries(s.perTactic).map(([tactic, n]) => html`<tr><td>${tactic}</td><td class="n">${n}</td></tr>`)}
            </table>
            <h3>Per technique</h3>
            <table>
                <tr><th>tactic</th><th>technique</th><th>events</th></tr>
                ${Object.entries(s.perTechnique).flatMap(([tactic, techniques]) => Object.entries(techniques)
                    .map(([technique, n]) => html`<tr><td>${tactic}</td><td>${technique}</td><td class="n">${n}</td></tr>`))}
            </table>`;
    }
}
customElements.define('qwc-classifier-dashboard', QwcClassifierDashboard);
