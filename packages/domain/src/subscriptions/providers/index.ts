export * as Whmcs from './whmcs';
