import type { Contact } from '../../domain/contact/contact';

import type { ContactJson } from '../../contract/contact';

// The domain's contact as the contract shapes it: shared by the HTTP routes and the CLI.

export function toContactJson(c: Contact): ContactJson {
  return {
    no: c.no,
    type: c.type,
    name: c.name,
    companyNo: c.companyNo,
    companyName: c.companyName,
    email: c.email,
    phoneNo: c.phoneNo,
    mobilePhoneNo: c.mobilePhoneNo,
    salespersonCode: c.salespersonCode,
    languageCode: c.languageCode,
    correspondenceType: c.correspondenceType,
    excludeFromSegment: c.excludeFromSegment,
    privacyBlocked: c.privacyBlocked,
    address: c.address,
    postCode: c.postCode,
    city: c.city,
    countryCode: c.countryCode,
    territoryCode: c.territoryCode,
    industryGroupCodes: [...c.industryGroupCodes],
    businessRelationCodes: [...c.businessRelationCodes],
    mailingGroupCodes: [...c.mailingGroupCodes],
    customerNo: c.customerNo,
    vendorNo: c.vendorNo,
  };
}
