/** The field types the simulator distinguishes (enough to validate writes and compare in SOQL). */
export type FieldType =
  'id' | 'reference' | 'string' | 'boolean' | 'double' | 'currency' | 'date' | 'datetime';

export interface FieldDescribe {
  readonly name: string;
  readonly type: FieldType;
  /** For references: the parent sObject and the relationship name (`AccountId` → `Account`). */
  readonly referenceTo?: string;
  readonly relationshipName?: string;
  readonly required?: boolean;
  /** System or formula fields the API refuses on create/update. */
  readonly readOnly?: boolean;
}

export interface ChildRelationship {
  readonly relationshipName: string;
  readonly childSObject: string;
  readonly field: string;
}

export interface SObjectDescribe {
  readonly name: string;
  readonly keyPrefix: string;
  readonly fields: ReadonlyMap<string, FieldDescribe>;
  readonly childRelationships: readonly ChildRelationship[];
}

const system: FieldDescribe[] = [
  { name: 'Id', type: 'id', readOnly: true },
  { name: 'CreatedDate', type: 'datetime', readOnly: true },
  { name: 'LastModifiedDate', type: 'datetime', readOnly: true },
  { name: 'SystemModstamp', type: 'datetime', readOnly: true },
];

const text = (...names: string[]): FieldDescribe[] => names.map((name) => ({ name, type: 'string' }));
const ref = (name: string, referenceTo: string, required = false): FieldDescribe => ({
  name,
  type: 'reference',
  referenceTo,
  relationshipName: name.endsWith('__c') ? name.replace(/__c$/, '__r') : name.replace(/Id$/, ''),
  required,
});

function describe(
  name: string,
  keyPrefix: string,
  fields: FieldDescribe[],
  childRelationships: ChildRelationship[] = [],
): SObjectDescribe {
  return {
    name,
    keyPrefix,
    fields: new Map([...system, ...fields].map((field) => [field.name.toLowerCase(), field])),
    childRelationships,
  };
}

/**
 * The org's objects and the custom fields the portal flows use (business-facts.md §2.3–2.4).
 * Names marked NOT FOUND there are our choice: `WHMCS_Client_ID__c`, `Customer_Number__c` (Account) and
 * `Activation_Error_Code__c`, `Activation_Error_Message__c` (Order).
 */
export const SOBJECTS: ReadonlyMap<string, SObjectDescribe> = new Map(
  [
    describe(
      'Account',
      '001',
      [
        { name: 'Name', type: 'string', required: true },
        ...text('Phone', 'PersonEmail', 'BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode'),
        ...text(
          'BillingCountry',
          'BillingCountryCode',
          'Customer_Number__c',
          'Portal_Status__c',
          'Portal_Source__c',
        ),
        ...text('Internet_Eligibility__c', 'ID_Verification_Status__c'),
        { name: 'WHMCS_Client_ID__c', type: 'double' },
      ],
      [{ relationshipName: 'Orders', childSObject: 'Order', field: 'AccountId' }],
    ),
    describe(
      'Product2',
      '01t',
      [
        { name: 'Name', type: 'string', required: true },
        ...text(
          'ProductCode',
          'StockKeepingUnit',
          'Family',
          'Description',
          'SKU__c',
          'Product2Categories1__c',
        ),
        { name: 'IsActive', type: 'boolean' },
        { name: 'Portal_Catalog__c', type: 'boolean' },
        { name: 'Portal_Accessible__c', type: 'boolean' },
        ...text('Item_Class__c', 'Billing_Cycle__c', 'WH_Product_Name__c'),
        { name: 'WH_Product_ID__c', type: 'double' },
        ...text('Internet_Plan_Tier__c', 'Internet_Offering_Type__c'),
        { name: 'Internet_Monthly_Price__c', type: 'currency' },
        { name: 'Internet_Display_Order__c', type: 'double' },
        { name: 'SIM_Data_Size__c', type: 'double' },
        ...text('SIM_Plan_Type__c'),
        { name: 'SIM_Has_Family_Discount__c', type: 'boolean' },
        { name: 'VPN_Display_Order__c', type: 'double' },
      ],
      [{ relationshipName: 'PricebookEntries', childSObject: 'PricebookEntry', field: 'Product2Id' }],
    ),
    describe(
      'Pricebook2',
      '01s',
      [
        { name: 'Name', type: 'string', required: true },
        { name: 'IsActive', type: 'boolean' },
        { name: 'IsStandard', type: 'boolean', readOnly: true },
        ...text('Description'),
      ],
      [{ relationshipName: 'PricebookEntries', childSObject: 'PricebookEntry', field: 'Pricebook2Id' }],
    ),
    describe('PricebookEntry', '01u', [
      ref('Pricebook2Id', 'Pricebook2', true),
      ref('Product2Id', 'Product2', true),
      { name: 'UnitPrice', type: 'currency', required: true },
      { name: 'IsActive', type: 'boolean' },
      { name: 'UseStandardPrice', type: 'boolean' },
      { name: 'Name', type: 'string', readOnly: true },
      { name: 'ProductCode', type: 'string', readOnly: true },
      { name: 'CurrencyIsoCode', type: 'string' },
    ]),
    describe(
      'Order',
      '801',
      [
        ref('AccountId', 'Account', true),
        ref('Pricebook2Id', 'Pricebook2'),
        { name: 'EffectiveDate', type: 'date', required: true },
        { name: 'Status', type: 'string', required: true },
        { name: 'OrderNumber', type: 'string', readOnly: true },
        { name: 'TotalAmount', type: 'currency', readOnly: true },
        ...text('Type', 'Description', 'Order_Type__c', 'Activation_Type__c', 'Activation_Status__c'),
        { name: 'Activation_Scheduled_At__c', type: 'datetime' },
        ...text('Activation_Error_Code__c', 'Activation_Error_Message__c'),
        { name: 'Activated_At__c', type: 'datetime' },
        ...text('Internet_Plan_Tier__c', 'Installation_Type__c', 'Access_Mode__c', 'VPN_Region__c'),
        { name: 'Weekend_Install__c', type: 'boolean' },
        { name: 'Hikari_Denwa__c', type: 'boolean' },
        ...text('SIM_Type__c', 'EID__c'),
        { name: 'SIM_Voice_Mail__c', type: 'boolean' },
        { name: 'SIM_Call_Waiting__c', type: 'boolean' },
        ...text('WHMCS_Order_ID__c'),
        ...text('BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry'),
      ],
      [{ relationshipName: 'OrderItems', childSObject: 'OrderItem', field: 'OrderId' }],
    ),
    describe('OrderItem', '802', [
      ref('OrderId', 'Order', true),
      ref('PricebookEntryId', 'PricebookEntry', true),
      ref('Product2Id', 'Product2'),
      { name: 'Quantity', type: 'double', required: true },
      { name: 'UnitPrice', type: 'currency', required: true },
      { name: 'ListPrice', type: 'currency', readOnly: true },
      { name: 'TotalPrice', type: 'currency', readOnly: true },
      { name: 'OrderItemNumber', type: 'string', readOnly: true },
      ...text('Description', 'Billing_Cycle__c'),
      { name: 'WHMCS_Service_ID__c', type: 'double' },
    ]),
  ].map((sobject) => [sobject.name.toLowerCase(), sobject]),
);

export function findSObject(name: string): SObjectDescribe | undefined {
  return SOBJECTS.get(name.toLowerCase());
}

export function findField(sobject: SObjectDescribe, name: string): FieldDescribe | undefined {
  return sobject.fields.get(name.toLowerCase());
}

/** The reference field behind a parent relationship name (`Account` on Order → `AccountId`). */
export function findParentRelationship(sobject: SObjectDescribe, name: string): FieldDescribe | undefined {
  const lower = name.toLowerCase();
  for (const field of sobject.fields.values())
    if (field.relationshipName?.toLowerCase() === lower) return field;
  return undefined;
}

export function findChildRelationship(sobject: SObjectDescribe, name: string): ChildRelationship | undefined {
  const lower = name.toLowerCase();
  return sobject.childRelationships.find((child) => child.relationshipName.toLowerCase() === lower);
}

export function sobjectForId(id: string): SObjectDescribe | undefined {
  const prefix = id.slice(0, 3);
  for (const sobject of SOBJECTS.values()) if (sobject.keyPrefix === prefix) return sobject;
  return undefined;
}
