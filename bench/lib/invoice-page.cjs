// A realistic ~6 KB invoice page: what the portal's invoice list returns (bench fixture, not the domain schema).
function invoicePage(userId) {
  return {
    userId,
    page: 1,
    pageSize: 20,
    total: 57,
    items: Array.from({ length: 20 }, (_, i) => ({
      id: `inv-${1000 + i}`,
      number: `INV-2026-${String(1000 + i).padStart(6, '0')}`,
      status: i % 5 === 0 ? 'Unpaid' : 'Paid',
      currency: 'JPY',
      subtotal: 4800 + i * 10,
      tax: 480 + i,
      total: 5280 + i * 11,
      issuedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00.000Z`,
      dueAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-15T00:00:00.000Z`,
      paidAt: i % 5 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, '0')}-10T00:00:00.000Z`,
      description: 'Fibre 1 Gbps + MVNO SIM data plan',
    })),
  };
}
module.exports = { invoicePage };
