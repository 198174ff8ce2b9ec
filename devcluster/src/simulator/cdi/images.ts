// What CDI's importer would find at a source URL, since nothing is downloaded here.
//
// The rule, in one place:
//  - a host under the `.invalid` TLD (RFC 2606 / RFC 6761: never resolves) is unreachable: the
//    importer fails the way Go's resolver does for any unknown name, and CDI retries forever;
//  - an image listed below has its published virtual size, and a DataVolume smaller than that
//    fails the importer's size check;
//  - any other URL imports (its size is unknown, so it is assumed to fit): a person's own image
//    URL must not break just because the simulator has never heard of it.
//
// Sizes are the images' virtual sizes (`qemu-img info`), rounded to what the publishers state.
import type { DataVolumeSpec } from '../kinds.ts';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

export interface CatalogImage {
  url: string;
  /** Virtual size in bytes. */
  virtualSize: number;
  /** Download size in bytes, for progress pacing. */
  downloadSize: number;
}

export const catalogImages: CatalogImage[] = [
  // quay.io/containerdisks (kubevirt/containerdisks), the qcow2 inside each image.
  {
    url: 'docker://quay.io/containerdisks/ubuntu:24.04',
    virtualSize: 3.5 * GiB,
    downloadSize: 600 * MiB,
  },
  {
    url: 'docker://quay.io/containerdisks/fedora:42',
    virtualSize: 5 * GiB,
    downloadSize: 520 * MiB,
  },
  {
    url: 'docker://quay.io/containerdisks/debian:12',
    virtualSize: 3 * GiB,
    downloadSize: 420 * MiB,
  },
  {
    url: 'docker://quay.io/containerdisks/centos-stream:9',
    virtualSize: 10 * GiB,
    downloadSize: 1100 * MiB,
  },
  // Upstream cloud images over HTTP.
  {
    url: 'https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img',
    virtualSize: 3.5 * GiB,
    downloadSize: 590 * MiB,
  },
  {
    url: 'https://download.fedoraproject.org/pub/fedora/linux/releases/42/Cloud/x86_64/images/Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2',
    virtualSize: 5 * GiB,
    downloadSize: 510 * MiB,
  },
  {
    url: 'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2',
    virtualSize: 3 * GiB,
    downloadSize: 420 * MiB,
  },
  {
    url: 'https://cloud.centos.org/centos/9-stream/x86_64/images/CentOS-Stream-GenericCloud-9-latest.x86_64.qcow2',
    virtualSize: 10 * GiB,
    downloadSize: 1200 * MiB,
  },
  {
    url: 'https://dl-cdn.alpinelinux.org/alpine/v3.22/releases/cloud/nocloud_alpine-3.22.1-x86_64-bios-cloudinit-r0.qcow2',
    virtualSize: 200 * MiB,
    downloadSize: 150 * MiB,
  },
];

export function catalogImage(url: string | undefined): CatalogImage | undefined {
  return url ? catalogImages.find((i) => i.url === url) : undefined;
}

export function hostOf(url: string): string {
  const bare = url.replace(/^[a-z]+:\/\//, '');
  return (bare.split('/')[0] ?? '').replace(/:\d+$/, '').toLowerCase();
}

export const unreachable = (url: string): boolean => {
  const h = hostOf(url);
  return h === 'invalid' || h.endsWith('.invalid');
};

// The cluster DNS the importer pod would ask: kube-dns at the tenth address of 10.96.0.0/16.
const DNS = '10.96.0.10:53';
const noSuchHost = (host: string) => `dial tcp: lookup ${host} on ${DNS}: no such host`;

/** An importer run that fails, as CDI reports it: the pod's termination message, and the DV's
 * Running condition message (simplifyKnownMessage in pkg/controller/util.go). */
export interface ImportFailure {
  terminationMessage: string;
  conditionMessage: string;
}

/** Why the import of this DataVolume fails, if it does; undefined for clones, uploads, blanks. */
export function importFailure(
  spec: DataVolumeSpec,
  availableBytes: number,
): ImportFailure | undefined {
  const http = spec.source?.http?.url;
  const registry = spec.source?.registry?.url;
  const url = http ?? registry;
  if (!url) return undefined;
  if (unreachable(url)) {
    const host = hostOf(url);
    // cmd/cdi-importer errorCannotConnectDataSource / pkg/importer/http-datasource.go for HTTP;
    // registry-datasource.go + transport.go (containers/image's ping) for registries.
    const msg = http
      ? `Unable to connect to http data source: HTTP request errored: Get "${url}": ${noSuchHost(host)}`
      : `Unable to process data: Unable to transfer source data to scratch space: Failed to read registry image: Error retrieving image: pinging container registry ${host}: Get "https://${host}/v2/": ${noSuchHost(host)}`;
    return { terminationMessage: msg, conditionMessage: msg };
  }
  const image = catalogImage(url);
  if (image && image.virtualSize > availableBytes) {
    // pkg/image/qemu.go checkIfURLIsValid; HTTP validates before scratch, registries on convert.
    const size = `virtual image size ${image.virtualSize} is larger than the reported available storage ${availableBytes}. A larger PVC is required`;
    return {
      terminationMessage: http
        ? `Unable to process data: ${size}`
        : `Unable to process data: Unable to convert source data to target format: ${size}`,
      conditionMessage: 'DataVolume too small to contain image',
    };
  }
  return undefined;
}
