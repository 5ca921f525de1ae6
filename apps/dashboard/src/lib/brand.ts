import { formatPhoneVN } from '@hotline/contracts';

/** The hotline's number, shown Vietnamese style like every phone on screen. */
export const HOTLINE_E164 = '+842693888222';
export const HOTLINE_DISPLAY = formatPhoneVN(HOTLINE_E164);
