import { DomainError, InputError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum DocumentsErrorCode {
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
  VersionNotFound = 'VERSION_NOT_FOUND',
  FolderNotFound = 'FOLDER_NOT_FOUND',
  GroupNotFound = 'GROUP_NOT_FOUND',
  NotTheUploader = 'NOT_THE_UPLOADER',
  ReadOnlyMember = 'READ_ONLY_MEMBER',
  FileTooLarge = 'FILE_TOO_LARGE',
  FileEmpty = 'FILE_EMPTY',
  FileMissing = 'FILE_MISSING',
  TooManyFiles = 'TOO_MANY_FILES',
  BadFileName = 'BAD_FILE_NAME',
  TypeNotAllowed = 'TYPE_NOT_ALLOWED',
  TypeMismatch = 'TYPE_MISMATCH',
  UploadInterrupted = 'UPLOAD_INTERRUPTED',
  NotMultipart = 'NOT_MULTIPART',
  UploadHeaderMissing = 'UPLOAD_HEADER_MISSING',
  DocumentInTrash = 'DOCUMENT_IN_TRASH',
  NotInTrash = 'NOT_IN_TRASH',
  FolderNotEmpty = 'FOLDER_NOT_EMPTY',
  FolderNameTaken = 'FOLDER_NAME_TAKEN',
  FolderCycle = 'FOLDER_CYCLE',
  RangeNotSatisfiable = 'RANGE_NOT_SATISFIABLE',
  ThreadInOtherGroup = 'THREAD_IN_OTHER_GROUP',
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const documentsErrors = {
  // Another group's document, folder or version is "not found": its existence is not revealed.
  documentNotFound: () => notFound('The document', DocumentsErrorCode.DocumentNotFound),
  versionNotFound: () => notFound('This version of the document', DocumentsErrorCode.VersionNotFound),
  folderNotFound: (field = 'folderId') =>
    new InputError({ [field]: 'This folder was not found in the group.' }, DocumentsErrorCode.FolderNotFound),
  // Uploading to a group one is not in gets the same answer whether or not the group exists.
  groupNotFound: () => notFound('The group (among your groups)', DocumentsErrorCode.GroupNotFound),
  threadInOtherGroup: () =>
    new InputError(
      { threadId: 'Link documents to discussions of the same group.' },
      DocumentsErrorCode.ThreadInOtherGroup,
    ),
  notTheUploader: () =>
    forbidden(
      DocumentsErrorCode.NotTheUploader,
      'Only the person who added this document, or a convenor, can delete it.',
    ),
  readOnlyMember: () =>
    forbidden(
      DocumentsErrorCode.ReadOnlyMember,
      'Observers can read the group’s documents but not add or change them.',
    ),
  fileTooLarge: (limit: number) =>
    new DomainError(
      ErrorCode.BadUserInput,
      DocumentsErrorCode.FileTooLarge,
      `This file is too large: the limit is ${megabytes(limit)}.`,
      {
        file: `Files can be at most ${megabytes(limit)}.`,
      },
      413,
    ),
  fileEmpty: () => new InputError({ file: 'This file is empty.' }, DocumentsErrorCode.FileEmpty, 'This file is empty.'),
  fileMissing: () =>
    new InputError({ file: 'Choose a file to upload.' }, DocumentsErrorCode.FileMissing, 'No file was sent.'),
  tooManyFiles: () =>
    new InputError({ file: 'Send one file per upload.' }, DocumentsErrorCode.TooManyFiles, 'Send one file per upload.'),
  badFileName: (message: string) => new InputError({ file: message }, DocumentsErrorCode.BadFileName, message),
  typeNotAllowed: (label: string) =>
    new DomainError(
      ErrorCode.BadUserInput,
      DocumentsErrorCode.TypeNotAllowed,
      `${label} files can't be shared here. Ask a network admin if your group needs them.`,
      { file: `${label} files can't be shared here.` },
      415,
    ),
  typeMismatch: (claimed: string, actual: string) =>
    new DomainError(
      ErrorCode.BadUserInput,
      DocumentsErrorCode.TypeMismatch,
      `This file is named as ${claimed} but its contents are ${actual}. Rename it or export it again.`,
      { file: `This file is named as ${claimed} but its contents are ${actual}.` },
      415,
    ),
  uploadInterrupted: () =>
    new InputError(
      { file: 'The upload did not finish. Please try again.' },
      DocumentsErrorCode.UploadInterrupted,
      'The upload did not finish.',
    ),
  notMultipart: () =>
    new InputError(
      { file: 'Send the file as multipart/form-data.' },
      DocumentsErrorCode.NotMultipart,
      'Send the file as multipart/form-data.',
    ),
  uploadHeaderMissing: () =>
    forbidden(
      DocumentsErrorCode.UploadHeaderMissing,
      'Uploads must come from the Convene app (the X-Requested-With header is missing).',
    ),
  documentInTrash: () =>
    new DomainError(
      ErrorCode.Conflict,
      DocumentsErrorCode.DocumentInTrash,
      'This document is in the trash; restore it first.',
    ),
  notInTrash: () =>
    new DomainError(ErrorCode.Conflict, DocumentsErrorCode.NotInTrash, 'This document is not in the trash.'),
  folderNotEmpty: () =>
    new DomainError(
      ErrorCode.Conflict,
      DocumentsErrorCode.FolderNotEmpty,
      'This folder still holds documents or folders (the trash counts too). Move them out first.',
    ),
  folderNameTaken: () =>
    new InputError({ name: 'A folder with this name is already here.' }, DocumentsErrorCode.FolderNameTaken),
  folderCycle: () =>
    new InputError(
      { parentId: 'A folder cannot be moved into itself or one of its subfolders.' },
      DocumentsErrorCode.FolderCycle,
    ),
  rangeNotSatisfiable: () =>
    new DomainError(
      ErrorCode.BadUserInput,
      DocumentsErrorCode.RangeNotSatisfiable,
      'The requested range is outside the file.',
      { range: 'The requested range is outside the file.' },
      416,
    ),
};
