// The operator overview's sentences, English and Russian; merged into lib/i18n/messages.ts.

export const overviewEn = {
  'console.overview': 'Operator overview',
  'overview.nodes': 'Nodes',
  'overview.nodesValue': '{ready} ready, {notReady} not ready',
  'overview.remediations': 'Remediations in flight',
  'overview.releases': 'Releases failing',
  'overview.storage': 'Storage degraded',
  'overview.storagePools': 'Storage pools nearly full',
  'overview.storageUnknown': 'Unavailable',
  'overview.addressPools': 'Address pools nearly full',
  'overview.addressPoolsValue': '{n} of {total}',
  'overview.tenants': 'Tenants near quota',
  'overview.tenantsValue': '{n} of {total}',
  'overview.inventory': 'Hardware inventory',
  'overview.open': 'Open',
};

export const overviewRu: Record<keyof typeof overviewEn, string> = {
  'console.overview': 'Обзор оператора',
  'overview.nodes': 'Узлы',
  'overview.nodesValue': 'готово {ready}, не готово {notReady}',
  'overview.remediations': 'Идущие восстановления',
  'overview.releases': 'Релизы с ошибками',
  'overview.storage': 'Хранилище деградировало',
  'overview.storagePools': 'Пулы хранения почти заполнены',
  'overview.storageUnknown': 'Недоступно',
  'overview.addressPools': 'Пулы адресов почти заполнены',
  'overview.addressPoolsValue': '{n} из {total}',
  'overview.tenants': 'Арендаторы у предела квоты',
  'overview.tenantsValue': '{n} из {total}',
  'overview.inventory': 'Инвентарь оборудования',
  'overview.open': 'Открыть',
};
