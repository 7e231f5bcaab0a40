<?php
/**
 * Portal BFF webhooks for WHMCS.
 *
 * WHMCS has no signed outbound webhooks, so this hook file sends them: on billing changes it POSTs
 * `{ "id", "event", "occurredAt", "data" }` (scalar ids only) to the portal BFF, signed with
 * `X-Whmcs-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (one v1 per secret while
 * a secret is being rotated) plus `X-Whmcs-Event`. Short cURL timeouts: WHMCS is never held up by the portal;
 * a delivery that fails is logged to the WHMCS activity log and the portal's caches simply expire.
 *
 * Install: copy to `<whmcs>/includes/hooks/portal_webhooks.php`, then set in `configuration.php`:
 *   $portal_webhook_url = 'https://portal-bff.example.jp/webhooks/whmcs';
 *   $portal_webhook_secrets = 'current-secret';            // 'new-secret,old-secret' during a rotation
 * (or the environment variables PORTAL_WEBHOOK_URL and PORTAL_WEBHOOK_SECRETS).
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly');
}

const PORTAL_WEBHOOKS_CONNECT_TIMEOUT_MS = 1000;
const PORTAL_WEBHOOKS_TIMEOUT_MS = 2000;

/** @return array{url: string, secrets: string[]} */
function portal_webhooks_config(): array
{
    global $portal_webhook_url, $portal_webhook_secrets;
    $url = (string) ($portal_webhook_url ?? getenv('PORTAL_WEBHOOK_URL') ?: '');
    $secrets = (string) ($portal_webhook_secrets ?? getenv('PORTAL_WEBHOOK_SECRETS') ?: '');
    return [
        'url' => $url,
        'secrets' => array_values(array_filter(array_map('trim', explode(',', $secrets)), 'strlen')),
    ];
}

/** `t=<timestamp>,v1=<hex>[,v1=<hex>…]` over "<timestamp>.<body>": exactly the bytes that are sent. */
function portal_webhooks_sign(string $body, array $secrets, int $timestamp): string
{
    $parts = ['t=' . $timestamp];
    foreach ($secrets as $secret) {
        $parts[] = 'v1=' . hash_hmac('sha256', $timestamp . '.' . $body, $secret);
    }
    return implode(',', $parts);
}

function portal_webhooks_uuid(): string
{
    $bytes = random_bytes(16);
    $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
    $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
    return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
}

/** The JSON body; `data` keeps scalar values only. */
function portal_webhooks_envelope(string $event, array $data, ?string $id = null, ?int $now = null): string
{
    $scalars = array_filter($data, 'is_scalar');
    return json_encode(
        [
            'id' => $id ?? portal_webhooks_uuid(),
            'event' => $event,
            'occurredAt' => gmdate('Y-m-d\TH:i:s\Z', $now ?? time()),
            'data' => (object) $scalars,
        ],
        JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
    );
}

/**
 * Module hooks pass the provisioning module's `params`, which hold the service password and the server's
 * credentials: only whitelisted ids are forwarded.
 */
function portal_webhooks_module_data(array $params, string $status): array
{
    return [
        'serviceId' => (int) ($params['serviceid'] ?? 0),
        'clientId' => (int) ($params['userid'] ?? 0),
        'productId' => (int) ($params['pid'] ?? 0),
        'status' => $status,
    ];
}

/** Invoice hooks pass only the invoice id; the client id and status come from the invoice row. */
function portal_webhooks_invoice_data(int $invoiceId): array
{
    $data = ['invoiceId' => $invoiceId, 'clientId' => 0];
    if (class_exists('\WHMCS\Database\Capsule')) {
        $row = \WHMCS\Database\Capsule::table('tblinvoices')->where('id', $invoiceId)->first(['userid', 'status']);
        if ($row) {
            $data['clientId'] = (int) $row->userid;
            $data['status'] = (string) $row->status;
        }
    }
    return $data;
}

/** Fire and forget: never throws, never blocks WHMCS for more than the timeouts above. */
function portal_webhooks_send(string $event, array $data): void
{
    try {
        $config = portal_webhooks_config();
        if ($config['url'] === '' || count($config['secrets']) === 0 || !function_exists('curl_init')) {
            return;
        }
        $body = portal_webhooks_envelope($event, $data);
        $curl = curl_init($config['url']);
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
            CURLOPT_HTTPHEADER => [
                'Content-Type: application/json',
                'X-Whmcs-Event: ' . $event,
                'X-Whmcs-Signature: ' . portal_webhooks_sign($body, $config['secrets'], time()),
            ],
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_CONNECTTIMEOUT_MS => PORTAL_WEBHOOKS_CONNECT_TIMEOUT_MS,
            CURLOPT_TIMEOUT_MS => PORTAL_WEBHOOKS_TIMEOUT_MS,
            CURLOPT_NOSIGNAL => true,
        ]);
        curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $error = curl_error($curl);
        curl_close($curl);
        if (($status < 200 || $status >= 300) && function_exists('logActivity')) {
            logActivity(sprintf('Portal webhook %s not delivered (HTTP %d%s)', $event, $status, $error ? ", $error" : ''));
        }
    } catch (\Throwable $e) {
        if (function_exists('logActivity')) {
            logActivity('Portal webhook ' . $event . ' failed: ' . $e->getMessage());
        }
    }
}

if (function_exists('add_hook')) {
    foreach (['InvoiceCreated', 'InvoicePaid', 'InvoiceCancelled', 'InvoiceRefunded'] as $portalInvoiceHook) {
        add_hook($portalInvoiceHook, 100, function (array $vars) use ($portalInvoiceHook) {
            portal_webhooks_send($portalInvoiceHook, portal_webhooks_invoice_data((int) ($vars['invoiceid'] ?? 0)));
        });
    }

    $portalModuleHooks = [
        'AfterModuleCreate' => 'Active',
        'AfterModuleSuspend' => 'Suspended',
        'AfterModuleUnsuspend' => 'Active',
        'AfterModuleTerminate' => 'Terminated',
    ];
    foreach ($portalModuleHooks as $portalModuleHook => $portalStatus) {
        add_hook($portalModuleHook, 100, function (array $vars) use ($portalModuleHook, $portalStatus) {
            portal_webhooks_send(
                $portalModuleHook,
                portal_webhooks_module_data((array) ($vars['params'] ?? []), $portalStatus)
            );
        });
    }

    add_hook('ClientEdit', 100, function (array $vars) {
        portal_webhooks_send('ClientEdit', ['clientId' => (int) ($vars['userid'] ?? 0)]);
    });
}
