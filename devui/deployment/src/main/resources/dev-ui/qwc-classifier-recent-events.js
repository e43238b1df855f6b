import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';

/** The last events written, newest first, with their MITRE ATT&CK labels (refreshed every second while shown). */
export class QwcClassifierRecentEvents extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; height: 100%; }
        vaadin-grid { flex: 1; }
        .error { color: var(--lumo-error-text-color); padding: 0 1rem; }
    `;

    static properties = {
        _events: { state: true },
        _error: { state: true },
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
        this.jsonRpc.getRecentEvents()
            .then(response => { this._events = response.result; this._error = null; })
            .catch(error => { this._error = JSON.stringify(error?.error ?? error); });
    }

    render() {
        return html`
            ${this._error ? html`<p class="error">${this._error}</p>` : ''}
            <vaadin-grid .items="${this._events ?? []}" theme="compact row-stripes">
                <vaadin-grid-column path="timestamp" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="tactic" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="technique" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="eventType" header="event type" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="user" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="host" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="sourceIp" header="source IP" auto-width></vaadin-grid-column>
                <vaadin-grid-column path="eventId" header="event id" auto-width></vaadin-grid-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-classifier-recent-events', QwcClassifierRecentEvents);
