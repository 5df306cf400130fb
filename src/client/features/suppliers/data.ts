import { useQuery, useQueryClient } from '@tanstack/react-query';
import { maintainsSuppliers } from '../../../shared/access/index.ts';
import { ProductList, SupplierView } from '../../../shared/contracts/suppliers.ts';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

/** Every change to the register invalidates `suppliersKey`: lists, searches, suppliers and their products. */
export const suppliersKey = ['suppliers'] as const;
export const supplierKey = (id: string) => ['suppliers', 'one', id] as const;
export const productsKey = (id: string) => ['suppliers', 'one', id, 'products'] as const;

export const supplierPath = (id: string) => `/leverantorer/${id}`;

export function useSupplier(id: string) {
  return useQuery({
    queryKey: supplierKey(id),
    queryFn: () => api.get(`/suppliers/${encodeURIComponent(id)}`, SupplierView),
  });
}

export function useProducts(id: string) {
  return useQuery({
    queryKey: productsKey(id),
    queryFn: () => api.get(`/suppliers/${encodeURIComponent(id)}/products`, ProductList),
  });
}

export function useInvalidateSuppliers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: suppliersKey });
}

/** Whether the signed-in person maintains the register (the same named rule as the server's). */
export function useMaintainsSuppliers(): boolean {
  const me = useMe();
  return me.data ? maintainsSuppliers(me.data) : false;
}
