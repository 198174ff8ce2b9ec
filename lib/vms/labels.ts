// The labels and annotations that tie a VM's objects together. Pure constants: lists and badges in
// the browser read them without the builders.
export const VM_LABEL = 'stratus.dev/vm';
export const BOOT_SOURCE_ANNOTATION = 'stratus.dev/boot-source';
