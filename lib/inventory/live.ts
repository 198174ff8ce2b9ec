// The lists the inventory page keeps live. Pure.
import type { Subscription } from '../live/protocol';

export const inventoryLists = {
  nodes: { model: 'nodes' } satisfies Subscription<'nodes'>,
  hosts: { model: 'baremetalhosts' } satisfies Subscription<'baremetalhosts'>,
  hardware: { model: 'hardwaredata' } satisfies Subscription<'hardwaredata'>,
  features: { model: 'nodefeatures' } satisfies Subscription<'nodefeatures'>,
};
