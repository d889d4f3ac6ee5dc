import type { LocaleMessages } from "./en";

/**
 * Georgian (ქართული), Mkhedruli script. `satisfies LocaleMessages` makes a missing or an
 * extra key a type error; `locales.test.ts` checks that no value is empty and that every
 * `{{placeholder}}` matches the English one.
 *
 * Terminology, used the same everywhere: ორმაგი ავტორიზაცია (two-factor authentication),
 * დამადასტურებელი კოდი (verification code), აღდგენის კოდები (recovery codes),
 * უსაფრთხოება (Security), ჩართული / გამორთული (Enabled / Disabled),
 * დადასტურება (Verify), ელ. ფოსტა (email), SMS (text message).
 *
 * Georgian nouns stay singular after a number ("5 მცდელობა"), so the `_one` and `_other`
 * forms read alike; both exist because the plural rules for `ka` have both categories.
 */
export const ka = {
  language: {
    name: "ქართული",
    label: "ენა",
  },

  app: {
    productName: "Dashboard",
    pageTitle: "{{page}} · {{product}}",
    skipToContent: "მთავარ შინაარსზე გადასვლა",
    loading: "იტვირთება…",
    notFoundTitle: "გვერდი ვერ მოიძებნა",
    notFoundBody: "ამ მისამართზე არაფერია.",
    backHome: "მართვის პანელზე გადასვლა",
    navLabel: "მთავარი მენიუ",
    navDashboard: "მართვის პანელი",
    navSecurity: "უსაფრთხოება",
    footerLabel: "დეველოპერის ხელსაწყოები",
    devOutboxLink: "გაგზავნილი შეტყობინებები",
    statusLoadFailed: "ანგარიშის პარამეტრების ჩატვირთვა ვერ მოხერხდა.",
    retryButton: "ხელახლა ცდა",
  },

  methods: {
    email: "ელ. ფოსტა",
    phone: "ტელეფონის ნომერი",
  },

  auth: {
    signInTitle: "შესვლა",
    signUpTitle: "ანგარიშის შექმნა",
    emailLabel: "ელ. ფოსტა",
    passwordLabel: "პაროლი",
    signInButton: "შესვლა",
    signUpButton: "ანგარიშის შექმნა",
    signOutButton: "გასვლა",
    signedInAs: "შესული ხართ როგორც",
    noAccountPrompt: "ჯერ არ გაქვთ ანგარიში?",
    signUpLink: "ანგარიშის შექმნა",
    haveAccountPrompt: "უკვე გაქვთ ანგარიში?",
    signInLink: "შესვლა",
    emailInvalid: "შეიყვანეთ სწორი ელ. ფოსტის მისამართი.",
    passwordTooShort_one: "გამოიყენეთ მინიმუმ {{count}} სიმბოლო.",
    passwordTooShort_other: "გამოიყენეთ მინიმუმ {{count}} სიმბოლო.",
    passwordTooLong_one: "გამოიყენეთ მაქსიმუმ {{count}} სიმბოლო.",
    passwordTooLong_other: "გამოიყენეთ მაქსიმუმ {{count}} სიმბოლო.",
    signInFailed: "ელ. ფოსტა ან პაროლი არასწორია.",
    tooManyAttempts: "ძალიან ბევრი მცდელობა. სცადეთ მოგვიანებით.",
    signUpFailed: "ამ მონაცემებით ანგარიშის შექმნა ვერ მოხერხდა.",
    weakPassword_one: "აირჩიეთ უფრო რთული პაროლი: გამოიყენეთ მინიმუმ {{count}} სიმბოლო.",
    weakPassword_other: "აირჩიეთ უფრო რთული პაროლი: გამოიყენეთ მინიმუმ {{count}} სიმბოლო.",
    networkFailed:
      "სერვერთან დაკავშირება ვერ მოხერხდა. შეამოწმეთ ინტერნეტკავშირი და სცადეთ ხელახლა.",
  },

  secondStep: {
    pageTitle: "ორმაგი ავტორიზაცია",
    title: "დაადასტურეთ, რომ ეს თქვენ ხართ",
    intro: "თქვენი ანგარიში დაცულია ორმაგი ავტორიზაციით. შესვლის დასასრულებლად შეიყვანეთ კოდი.",
    checkingDevice: "მოწყობილობის შემოწმება…",
    deviceForgotten: "ეს მოწყობილობა აღარ არის დამახსოვრებული. დაადასტურეთ ვინაობა კოდით.",
  },

  secondFactor: {
    chooseMethodLegend: "აირჩიეთ, როგორ მიიღოთ კოდი",
    sending: "კოდი იგზავნება: {{destination}}…",
    sendAgainButton: "ხელახლა გაგზავნა",
    rememberDevice_one: "ამ მოწყობილობის დამახსოვრება {{count}} დღით",
    rememberDevice_other: "ამ მოწყობილობის დამახსოვრება {{count}} დღით",
    rememberDeviceHint: "ნუ მონიშნავთ საერთო ან საჯარო კომპიუტერზე.",
    useRecoveryCode: "აღდგენის კოდის გამოყენება",
    useCodeInstead: "დამადასტურებელი კოდის გამოყენება",
    useOtherMethod: "სხვა მეთოდის გამოყენება",
    recoveryCodeLabel: "აღდგენის კოდი",
    recoveryCodeHint_one:
      "{{count}} კოდი, რომელიც ორმაგი ავტორიზაციის ჩართვისას შეინახეთ. ის მხოლოდ ერთხელ მოქმედებს.",
    recoveryCodeHint_other:
      "ერთ-ერთი იმ {{count}} კოდიდან, რომლებიც ორმაგი ავტორიზაციის ჩართვისას შეინახეთ. თითოეული მხოლოდ ერთხელ მოქმედებს.",
    recoveryCodeFormat: "შეიყვანეთ აღდგენის კოდი ისე, როგორც ნაჩვენები იყო, მაგ. {{example}}.",
    verifyButton: "დადასტურება",
    cancelButton: "გაუქმება",
    noMethods: "კოდის გამოგზავნა ვერცერთი მეთოდით ვერ ხერხდება. გამოიყენეთ აღდგენის კოდი.",
  },

  stepUp: {
    title: "დაადასტურეთ ვინაობა",
    intro: "უსაფრთხოების მიზნით, ამ ცვლილებამდე კიდევ ერთხელ დაადასტურეთ, რომ ეს თქვენ ხართ.",
  },

  confirm: {
    cancelButton: "გაუქმება",
  },

  security: {
    title: "უსაფრთხოება",
    twoFactorTitle: "ორმაგი ავტორიზაცია",
    twoFactorIntro:
      "ორმაგი ავტორიზაცია შესვლას კიდევ ერთ ნაბიჯს ამატებს: პაროლის გარდა შეიყვანთ კოდს, რომელიც თქვენს ელ. ფოსტაზე ან ტელეფონზე მოვა. ასე თქვენი პაროლის მცოდნე ადამიანიც ვერ შევა ანგარიშში.",
    twoFactorRecommendation:
      "გირჩევთ, ჩართოთ ორივე მეთოდი, რომ ერთ-ერთის მიუწვდომლობის შემთხვევაშიც შეძლოთ შესვლა.",
    methodsLabel: "ორმაგი ავტორიზაციის მეთოდები",
    enabled: "ჩართული",
    disabled: "გამორთული",
    statusLoading: "სტატუსი იტვირთება…",
    enableButton: "ჩართვა",
    changeButton: "შეცვლა",
    disableButton: "გამორთვა",
    cancelButton: "გაუქმება",
    emailAddressLabel: "ელ. ფოსტის მისამართი",
    emailAddressHint: "ამ მისამართზე გამოგიგზავნით {{length}}-ნიშნა კოდს.",
    emailInvalid: "შეიყვანეთ სწორი ელ. ფოსტის მისამართი.",
    countryLabel: "ქვეყანა",
    countryOption: "{{country}} (+{{callingCode}})",
    phoneNumberLabel: "ტელეფონის ნომერი",
    phoneNumberHint:
      "მობილურის ნომერი, რომელზეც SMS მოდის. ამ ნომერზე გამოგიგზავნით {{length}}-ნიშნა კოდს.",
    phoneProblems: {
      invalid: "შეიყვანეთ სწორი მობილურის ნომერი.",
      "not-mobile": "შეიყვანეთ მობილურის ნომერი: ამ ნომერზე SMS ვერ მივა.",
      "country-not-allowed": "ამ ქვეყანაში SMS-ის გაგზავნა ჯერ შეუძლებელია.",
    },
    sendCodeButton: "კოდის გაგზავნა",
    activated: "ორმაგი ავტორიზაცია წარმატებით გააქტიურდა.",
    destinationChanged: {
      email: "კოდები ახლა ახალ ელ. ფოსტის მისამართზე მოვა.",
      phone: "SMS კოდები ახლა ახალ ნომერზე მოვა.",
    },
    methodDisabled: {
      email: "ელ. ფოსტა გამოირთო.",
      phone: "ტელეფონის ნომერი გამოირთო.",
    },
    twoFactorOff: "ორმაგი ავტორიზაცია გამოირთო.",
    disableConfirmTitle: {
      email: "გამოვრთოთ ელ. ფოსტა?",
      phone: "გამოვრთოთ ტელეფონის ნომერი?",
    },
    disableConfirmBody: "შესვლის კოდებს ამ გზით აღარ მიიღებთ.",
    disableLastConfirmBody:
      "ეს თქვენი ერთადერთი მეთოდია: ორმაგი ავტორიზაცია გამოირთვება და აღდგენის კოდები აღარ იმოქმედებს.",
    disableConfirmButton: {
      email: "ელ. ფოსტის გამორთვა",
      phone: "ტელეფონის ნომრის გამორთვა",
    },
    statusLoadFailed: "ორმაგი ავტორიზაციის პარამეტრების ჩატვირთვა ვერ მოხერხდა.",
    retryButton: "ხელახლა ცდა",

    recoveryTitle: "აღდგენის კოდები",
    recoveryIntro:
      "თუ კოდს ელ. ფოსტით ან SMS-ით ვერ იღებთ, შედით აღდგენის კოდით. თითოეული კოდი მხოლოდ ერთხელ მოქმედებს.",
    recoveryRemaining_one: "დარჩენილია {{remaining}} აღდგენის კოდი {{count}}-დან",
    recoveryRemaining_other: "დარჩენილია {{remaining}} აღდგენის კოდი {{count}}-დან",
    recoveryLow: "აღდგენის კოდები გეწურებათ. შექმენით ახალი.",
    recoveryNotYet: "აღდგენის კოდებს მიიღებთ ორმაგი ავტორიზაციის ჩართვისას.",
    recoveryLoading: "აღდგენის კოდები იტვირთება…",
    generateButton: "ახალი კოდების შექმნა",
    regenerateConfirmTitle: "შევქმნათ ახალი აღდგენის კოდები?",
    regenerateConfirmBody: "ამჟამინდელი აღდგენის კოდები მაშინვე შეწყვეტს მოქმედებას.",
    regenerateConfirmButton: "კოდების შეცვლა",
    saveCodesTitle: "შეინახეთ აღდგენის კოდები",
    saveCodesIntro:
      "შეინახეთ ეს კოდები უსაფრთხო ადგილას, მაგალითად, პაროლების მენეჯერში. ისინი გამოგადგებათ, თუ კოდს ელ. ფოსტით ან SMS-ით ვერ მიიღებთ; თითოეული კოდი მხოლოდ ერთხელ მოქმედებს. კოდებს მხოლოდ ახლა, ერთხელ გაჩვენებთ.",
    codesListLabel: "თქვენი აღდგენის კოდები",
    copyCodesButton: "კოდების კოპირება",
    codesCopied: "აღდგენის კოდები დაკოპირდა.",
    copyFailed: "კოპირება ვერ მოხერხდა. ჩამოტვირთეთ კოდები ან ჩაიწერეთ.",
    downloadButton: "ჩამოტვირთვა",
    downloadFileName: "dashboard-recovery-codes.txt",
    downloadFileHeader:
      "{{product}} — აღდგენის კოდები ანგარიშისთვის {{account}}\nშექმნილია: {{date}}. თითოეული კოდი მხოლოდ ერთხელ მოქმედებს.",
    savedCodesButton: "შევინახე",

    devicesTitle: "დამახსოვრებული მოწყობილობები",
    devicesIntro_one:
      "ეს ბრაუზერები შესვლისას მეორე ნაბიჯს გამოტოვებს, მაქსიმუმ {{count}} დღის განმავლობაში. წაშალეთ ყველა, რომელსაც ვერ ცნობთ.",
    devicesIntro_other:
      "ეს ბრაუზერები შესვლისას მეორე ნაბიჯს გამოტოვებს, მაქსიმუმ {{count}} დღის განმავლობაში. წაშალეთ ყველა, რომელსაც ვერ ცნობთ.",
    devicesEmpty: "დამახსოვრებული მოწყობილობები არ არის.",
    devicesLoading: "დამახსოვრებული მოწყობილობები იტვირთება…",
    devicesLoadFailed: "დამახსოვრებული მოწყობილობების ჩატვირთვა ვერ მოხერხდა.",
    devicesTableLabel: "დამახსოვრებული მოწყობილობები",
    firstUsedColumn: "პირველი გამოყენება",
    lastUsedColumn: "ბოლო გამოყენება",
    expiresColumn: "ვადა იწურება",
    thisBrowser: "ეს ბრაუზერი",
    revokeButton: "წაშლა",
    revokeAllButton: "ყველას წაშლა",
    devicesRevoked_one: "წაიშალა {{count}} მოწყობილობა.",
    devicesRevoked_other: "წაიშალა {{count}} მოწყობილობა.",

    activityTitle: "უსაფრთხოების აქტივობა",
    activityIntro: "ბოლო ცვლილებები და შესვლის შემოწმებები თქვენს ანგარიშზე.",
    activityEmpty: "უსაფრთხოების აქტივობა ჯერ არ არის.",
    activityLoading: "უსაფრთხოების აქტივობა იტვირთება…",
    activityLoadFailed: "უსაფრთხოების აქტივობის ჩატვირთვა ვერ მოხერხდა.",
    activityTypes: {
      "method-enabled": "ორმაგი ავტორიზაციის მეთოდი ჩაირთო",
      "method-disabled": "ორმაგი ავტორიზაციის მეთოდი გამოირთო",
      "destination-changed": "კოდის მიმღები მისამართი შეიცვალა",
      "sign-in-verified": "შესვლა დადასტურდა",
      "verification-failed": "შეყვანილია არასწორი კოდი",
      "locked-out": "დადასტურება დაიბლოკა ძალიან ბევრი არასწორი კოდის გამო",
      "recovery-code-used": "გამოყენებულია აღდგენის კოდი",
      "recovery-codes-regenerated": "შეიქმნა ახალი აღდგენის კოდები",
      "device-remembered": "მოწყობილობა დამახსოვრდა",
      "device-revoked": "დამახსოვრებული მოწყობილობა წაიშალა",
    },
    activityMethods: {
      email: "ელ. ფოსტა",
      phone: "ტელეფონის ნომერი",
      "recovery-code": "აღდგენის კოდი",
      device: "დამახსოვრებული მოწყობილობა",
    },
    detailsSeparator: " · ",
  },

  verify: {
    title: "შეიყვანეთ დამადასტურებელი კოდი",
    sentTo: "კოდი გამოგიგზავნეთ: {{destination}}.",
    delivery: {
      sending: "იგზავნება…",
      sent: "გაგზავნილია",
      delivered: "მიწოდებულია",
      failed: "შეტყობინების მიწოდება ვერ მოხერხდა.",
    },
    expiresAt: "კოდი მოქმედებს {{time}}-მდე.",
    attemptsLeft_one: "დაგრჩათ {{count}} მცდელობა.",
    attemptsLeft_other: "დაგრჩათ {{count}} მცდელობა.",
    codeLabel: "დამადასტურებელი კოდი",
    codeHint_one: "შეიყვანეთ {{count}} ციფრი. ჰარეები და ტირეები დასაშვებია.",
    codeHint_other: "შეიყვანეთ {{count}} ციფრი. ჰარეები და ტირეები დასაშვებია.",
    codeFormat: "შეიყვანეთ {{length}}-ნიშნა კოდი.",
    verifyButton: "დადასტურება",
    cancelButton: "გაუქმება",
    resendButton: "კოდის ხელახლა გაგზავნა",
    resendIn: "ხელახლა გაგზავნა {{wait}}-ში",
    resendAvailable: "ახლა შეგიძლიათ ახალი კოდის მოთხოვნა.",
    resendWaitAnnouncement: "ახალი კოდის მოთხოვნას შეძლებთ {{time}}-ზე.",
    resent: "ახალი კოდი გამოგიგზავნეთ: {{destination}}.",
    wrongCode_one: "კოდი არასწორია. დაგრჩათ {{count}} მცდელობა.",
    wrongCode_other: "კოდი არასწორია. დაგრჩათ {{count}} მცდელობა.",
    wrongCodeWithoutCount: "კოდი არასწორია.",
    wrongCodeNoAttemptsLeft:
      "კოდი არასწორია და მცდელობები ამოიწურა. ახალი კოდის მოთხოვნას შეძლებთ {{time}}-ის შემდეგ.",
    expired: "კოდს ვადა გაუვიდა. მოითხოვეთ ახალი.",
    attemptsExhausted:
      "ძალიან ბევრი არასწორი კოდი. ახალი კოდის მოთხოვნას შეძლებთ {{time}}-ის შემდეგ.",
    attemptsExhaustedNoTime: "ძალიან ბევრი არასწორი კოდი. ახალი კოდი მოგვიანებით მოითხოვეთ.",
    cooldown: "გთხოვთ, მოიცადოთ. ახალი კოდის მოთხოვნას შეძლებთ {{time}}-ზე.",
    cooldownNoTime: "გთხოვთ, ცოტა მოიცადოთ, სანამ ახალ კოდს მოითხოვთ.",
    noActiveCode: "აქტიური კოდი არ არის. მოითხოვეთ ახალი.",
    rateLimited: "მოთხოვნილია ძალიან ბევრი კოდი. სცადეთ ხელახლა {{time}}-ზე.",
    rateLimitedNoTime: "მოთხოვნილია ძალიან ბევრი კოდი. სცადეთ მოგვიანებით.",
    locked: "ძალიან ბევრი არასწორი კოდი. დადასტურება დაბლოკილია {{time}}-მდე.",
    lockedNoTime: "ძალიან ბევრი არასწორი კოდი. დადასტურება დროებით დაბლოკილია.",
    lockedUntilRecovery:
      "დადასტურება დაიბლოკა ძალიან ბევრი არასწორი კოდის გამო. განსაბლოკად გამოიყენეთ აღდგენის კოდი.",
    wrongRecoveryCode_one: "აღდგენის კოდი არასწორია. დაგრჩათ {{count}} მცდელობა.",
    wrongRecoveryCode_other: "აღდგენის კოდი არასწორია. დაგრჩათ {{count}} მცდელობა.",
    wrongRecoveryCodeWithoutCount: "აღდგენის კოდი არასწორია.",
    wrongRecoveryCodeLocked: "აღდგენის კოდი არასწორია. აღდგენის კოდები დაბლოკილია {{time}}-მდე.",
    recoveryCodesLocked: "ძალიან ბევრი არასწორი აღდგენის კოდი. სცადეთ ხელახლა {{time}}-ზე.",
    recoveryCodesLockedNoTime: "ძალიან ბევრი არასწორი აღდგენის კოდი. სცადეთ მოგვიანებით.",
    methodNotEnabled: "ეს მეთოდი თქვენს ანგარიშზე ჩართული არ არის.",
    methodAlreadyEnabled: "კოდები უკვე ამ მისამართზე მოდის. შესაცვლელად შეიყვანეთ სხვა.",
    secondStepRequired: "ჯერ დაასრულეთ ორმაგი ავტორიზაცია.",
    stepUpRequired: "ამ ცვლილებისთვის დაადასტურეთ, რომ ეს თქვენ ხართ.",
    deviceNotRecognized: "ეს მოწყობილობა აღარ არის დამახსოვრებული. დაადასტურეთ ვინაობა კოდით.",
    invalidInput: "შეამოწმეთ შეყვანილი მონაცემები და სცადეთ ხელახლა.",
    networkFailed:
      "სერვერთან დაკავშირება ვერ მოხერხდა. შეამოწმეთ ინტერნეტკავშირი და სცადეთ ხელახლა.",
    somethingWentWrong: "რაღაც შეცდომა მოხდა. სცადეთ ხელახლა.",
  },

  dashboard: {
    title: "მართვის პანელი",
    intro: "თქვენი ჩანაწერები, რომლებსაც ორმაგი ავტორიზაციის შემდეგ მხოლოდ თქვენ ხედავთ.",
    newNoteTitle: "ახალი ჩანაწერი",
    noteLabel: "ჩანაწერი",
    noteHint_one: "მაქსიმუმ {{count}} სიმბოლო.",
    noteHint_other: "მაქსიმუმ {{count}} სიმბოლო.",
    noteEmpty: "ჯერ რამე დაწერეთ.",
    noteTooLong_one: "ჩანაწერი არ უნდა აღემატებოდეს {{count}} სიმბოლოს.",
    noteTooLong_other: "ჩანაწერი არ უნდა აღემატებოდეს {{count}} სიმბოლოს.",
    addNoteButton: "ჩანაწერის დამატება",
    noteAdded: "ჩანაწერი დაემატა.",
    noteDeleted: "ჩანაწერი წაიშალა.",
    addFailed: "ჩანაწერის დამატება ვერ მოხერხდა. სცადეთ ხელახლა.",
    deleteFailed: "ჩანაწერის წაშლა ვერ მოხერხდა. სცადეთ ხელახლა.",
    notesTitle: "თქვენი ჩანაწერები",
    notesLoading: "ჩანაწერები იტვირთება…",
    notesEmpty: "ჩანაწერები ჯერ არ არის.",
    notesLoadFailed: "ჩანაწერების ჩატვირთვა ვერ მოხერხდა.",
    retryButton: "ხელახლა ცდა",
    deleteNoteButton: "ჩანაწერის წაშლა",
    addedAt: "დაემატა {{time}}",
  },

  devOutbox: {
    title: "გაგზავნილი შეტყობინებები",
    intro_one:
      "ემულატორის მიერ გაგზავნილი ყველა ელ. წერილი და SMS (უახლესი — თავში), რათა ნებისმიერი მომხმარებლით შესვლა შეძლოთ. სია ყოველ {{count}} წამში ახლდება და მხოლოდ ემულატორის რეჟიმში არსებობს.",
    intro_other:
      "ემულატორის მიერ გაგზავნილი ყველა ელ. წერილი და SMS (უახლესი — თავში), რათა ნებისმიერი მომხმარებლით შესვლა შეძლოთ. სია ყოველ {{count}} წამში ახლდება და მხოლოდ ემულატორის რეჟიმში არსებობს.",
    tableLabel: "გაგზავნილი შეტყობინებები",
    timeColumn: "დრო",
    kindColumn: "ტიპი",
    toColumn: "მიმღები",
    textColumn: "შეტყობინება",
    stateColumn: "მიწოდება",
    kinds: { email: "ელ. ფოსტა", sms: "SMS" },
    states: {
      PENDING: "მოლოდინში",
      PROCESSING: "იგზავნება",
      SUCCESS: "მიწოდებულია",
      ERROR: "ვერ გაიგზავნა",
    },
    loading: "გაგზავნილი შეტყობინებები იტვირთება…",
    empty: "ჯერ არაფერი გაგზავნილა.",
    loadFailed:
      "გაგზავნილი შეტყობინებები მიუწვდომელია. გაშვებულია Functions ემულატორი devOutbox ფუნქციით?",
    retryButton: "ხელახლა ცდა",
  },

  duration: {
    seconds: "{{seconds}} წმ",
    minutes: "{{minutes}} წთ",
    minutesSeconds: "{{minutes}} წთ {{seconds}} წმ",
  },
} satisfies LocaleMessages;
