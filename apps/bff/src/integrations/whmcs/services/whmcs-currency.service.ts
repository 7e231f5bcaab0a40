import { Injectable } from '@nestjs/common';
import { Billing } from '@portal/domain';
import { AppConfig } from '../../../core/config/app-config';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError, WhmcsErrorCode } from '../whmcs.errors';
import { listOf, whmcsCurrencyRatesSchema } from '../utils/whmcs-envelope.schema';
import { mapWhmcs, parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';

/** Currencies change about never; an hour keeps GetCurrencies off every request. */
export const CURRENCY_TTL_MS = 3_600_000;

interface CurrencySnapshot {
  readonly currencies: Billing.Currency[];
  readonly defaultCurrency: Billing.Currency;
  readonly expiresAt: number;
}

/** What the invoice mappers need from outside (GetInvoice carries no currency). */
export interface WhmcsCurrencyContext {
  readonly defaultCurrencyCode: string;
  readonly defaultCurrencySymbol: string;
}

/**
 * WHMCS currencies (GetCurrencies), held in process for {@link CURRENCY_TTL_MS}; concurrent callers share one
 * load. The default is WHMCS_DEFAULT_CURRENCY_CODE, else WHMCS's base currency (the one with rate 1).
 */
@Injectable()
export class WhmcsCurrencyService {
  private snapshot: CurrencySnapshot | undefined;
  private loading: Promise<CurrencySnapshot> | undefined;

  constructor(
    private readonly connection: WhmcsConnectionService,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<Billing.Currency[]> {
    return (await this.current()).currencies;
  }

  async getDefault(): Promise<Billing.Currency> {
    return (await this.current()).defaultCurrency;
  }

  /** The default currency as mapper context. */
  async context(): Promise<WhmcsCurrencyContext> {
    const currency = await this.getDefault();
    return {
      defaultCurrencyCode: currency.code,
      defaultCurrencySymbol: currency.prefix.trim() || currency.code,
    };
  }

  private current(): Promise<CurrencySnapshot> {
    if (this.snapshot && this.snapshot.expiresAt > Date.now()) return Promise.resolve(this.snapshot);
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<CurrencySnapshot> {
    const payload = await this.connection.call('GetCurrencies');
    const rates = listOf(
      parseEnvelope(whmcsCurrencyRatesSchema, payload, 'currency list').currencies,
      'currency',
    );
    const baseCode =
      this.config.values.WHMCS_DEFAULT_CURRENCY_CODE ??
      rates
        .find((currency) => Number(currency.rate) === 1)
        ?.code.trim()
        .toUpperCase() ??
      rates[0]?.code.trim().toUpperCase() ??
      '';
    const currencies = mapWhmcs('currency list', () =>
      Billing.Providers.Whmcs.transformWhmcsCurrencies(payload, { defaultCurrencyCode: baseCode }),
    );
    const defaultCurrency = currencies.find((currency) => currency.isDefault) ?? currencies[0];
    if (!defaultCurrency) {
      throw new WhmcsError(
        WhmcsErrorCode.INVALID_RESPONSE,
        ErrorCategory.INVALID_RESPONSE,
        'The billing system has no currency configured.',
      );
    }
    this.snapshot = { currencies, defaultCurrency, expiresAt: Date.now() + CURRENCY_TTL_MS };
    return this.snapshot;
  }
}
