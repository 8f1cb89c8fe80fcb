/** Browser features no page of ours needs (and nothing embedded may ask for). */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()';

/** HSTS for a year, subdomains included (production only: an https public URL). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';
